package io.toasty.docs.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.docs.DynamoLocal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the relation limits example of the DynamoDB guide on DynamoDB Local. */
class LimitsGuideTest {

  @Test
  void aCounterKeepsTheLimitUnderRacingCreates() throws Exception {
    try (DynamoLocal local = DynamoLocal.start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        LimitsGuide.run(local.url("limits_"), out);
      }
      List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
      assertEquals(List.of("3 of 10 landed", "divers 4 > 3", "counter 3"), lines);
    }
  }
}
