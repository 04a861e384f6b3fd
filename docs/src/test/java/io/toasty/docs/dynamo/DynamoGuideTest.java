package io.toasty.docs.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.docs.DynamoLocal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the DynamoDB guide's example on DynamoDB Local, in this JVM, and checks its output. */
class DynamoGuideTest {

  @Test
  void runsTheDynamoGuideOnDynamoDbLocal() throws Exception {
    try (DynamoLocal local = DynamoLocal.start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        DynamoGuide.run(local.url("guide_"), out);
      }
      List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
      assertEquals(15, lines.size(), () -> String.join("\n", lines));
      assertEquals("created Write the guide", lines.get(0));
      assertTrue(lines.get(1).startsWith("Task.slug: another record has the same value"),
          lines.get(1));
      assertEquals("createMany refused, cy has 0 tasks", lines.get(2));
      assertEquals("ann has 2 tasks; 1 open to write; 3 for ann or bob; found Review it",
          lines.get(3));
      assertEquals("plan reads the GSI alone", lines.get(4));
      assertEquals("2 open read again by key, two requests", lines.get(5));
      assertEquals("ROW_LOCKS on dynamodb", lines.get(6));
      assertEquals("1 of ann's tasks end in it", lines.get(7));
      assertEquals("ann's newest: Review it", lines.get(8));
      assertEquals("sorted: [Review it, Ship it]", lines.get(9));
      assertEquals("closed 1, deleted 1", lines.get(10));
      assertEquals("stored 60 readings, 60 read back", lines.get(11));
      // s0 holds i = 0, 3, .., 57: celsius 20 + i % 5 is 20 at i = 0, 15, 30, 45
      assertEquals("recalibrated 20 readings, lowest now 20.0", lines.get(12));
      assertEquals("upserted ann's Review it again; created dee's Triage", lines.get(13));
      assertTrue(lines.get(14).matches("Task refused: \\d+ > 409600 bytes, eve has 0 tasks"),
          lines.get(14));
    }
  }
}
