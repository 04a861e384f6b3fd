package io.toasty.docs.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.docs.DynamoLocal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the counter-key example of the DynamoDB guide on DynamoDB Local: three bookings at once. */
class CounterKeyGuideTest {

  @Test
  void concurrentBookingsTakeEachNumberOnce() throws Exception {
    try (DynamoLocal local = DynamoLocal.start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        CounterKeyGuide.run(local.url("counter_"), out);
      }
      assertEquals("numbers [1, 2, 3]", bytes.toString(StandardCharsets.UTF_8).trim());
    }
  }
}
