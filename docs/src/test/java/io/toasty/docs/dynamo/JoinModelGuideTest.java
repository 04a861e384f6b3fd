package io.toasty.docs.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.docs.DynamoLocal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the many-to-many example of the DynamoDB guide on DynamoDB Local. */
class JoinModelGuideTest {

  @Test
  void includesCascadesPathsAndBatchesThroughTheJoinModel() throws Exception {
    try (DynamoLocal local = DynamoLocal.start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        JoinModelGuide.run(local.url("join_"), out);
      }
      List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
      assertEquals(List.of("ann: [Gull, Wave]", "bob: [Gull]", "[[ann,2], [bob,1]] by window",
          "[[ann,Wave], [bob,Gull]]",
          "crewings 1, boats 2",
          "skippers [ann], resized 1", "batch read 1, renamed 1"), lines);
    }
  }
}
