package io.toasty.docs.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.docs.DynamoLocal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the PartiQL example of the DynamoDB guide on DynamoDB Local and checks its output. */
class PartiqlGuideTest {

  @Test
  void runsThePartiqlExampleOnDynamoDbLocal() throws Exception {
    try (DynamoLocal local = DynamoLocal.start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        PartiqlGuide.run(local.url("partiql_"), out);
      }
      List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
      assertEquals(List.of("Write, note null", "2 tasks, equal to the DSL's: true", "updated 1",
          "invalid, on Task", "SQL on dynamodb"), lines);
    }
  }
}
