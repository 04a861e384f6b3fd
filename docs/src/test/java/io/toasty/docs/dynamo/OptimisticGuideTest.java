package io.toasty.docs.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.docs.DynamoLocal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the transactions example of the DynamoDB guide on DynamoDB Local and checks its output. */
class OptimisticGuideTest {

  @Test
  void runsTheTransactionsExampleOnDynamoDbLocal() throws Exception {
    try (DynamoLocal local = DynamoLocal.start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        OptimisticGuide.run(local.url("transactions_"), out);
      }
      List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
      assertEquals(List.of("next: Review", "conflict, transient: true", "note: first",
          "titles: [Kept, Review, Write]"), lines);
    }
  }
}
