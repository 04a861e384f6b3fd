package io.toasty.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Operation;
import io.toasty.dynamo.models.Events;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * {@code Operation.Partiql} on DynamoDB Local: a read asks for its pages one at a time and only
 * as they are consumed, and stops when the subscriber cancels; table names gain the prefix.
 */
class PartiqlOpTest {
  static final int PAGE = 4;
  Harness h;

  @BeforeEach
  void setUp() {
    h = new Harness(PAGE, Events.MODEL);
    List<List<Value>> rows = new ArrayList<>();
    for (int i = 0; i < 4 * PAGE + 1; i++) {
      rows.add(List.of(Harness.str("s"), new Value.I64(i), Harness.str("k" + i), Value.NULL));
    }
    h.exec(Harness.insertOp("events", rows));
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  static Operation.Partiql select(String text) {
    return new Operation.Partiql(List.of(text), List.of(), true, null, List.of());
  }

  @Test
  void pagesAreAskedOnlyAsTheyAreConsumed() {
    int before = LocalDynamo.requests("ExecuteStatementRequest");
    Flux<Value.Record> rows = h.stream(select("SELECT * FROM \"events\""));
    assertEquals(before, LocalDynamo.requests("ExecuteStatementRequest"), "nothing before demand");
    StepVerifier.create(rows, 1)
        .expectNextCount(1)
        .then(() -> assertEquals(before + 1, LocalDynamo.requests("ExecuteStatementRequest")))
        .thenRequest(PAGE - 1)
        .expectNextCount(PAGE - 1)
        .thenRequest(1)
        .expectNextCount(1)
        .thenCancel()
        .verify(Harness.TIMEOUT);
    // one page per PAGE items taken, and none after the cancel
    int sent = LocalDynamo.requests("ExecuteStatementRequest") - before;
    assertTrue(sent == 2, "requests sent: " + sent);
  }

  @Test
  void everyPageIsReadToTheEnd() {
    int before = LocalDynamo.requests("ExecuteStatementRequest");
    assertEquals(4 * PAGE + 1, h.rows(select("SELECT \"seq\" FROM \"events\"")).size());
    int sent = LocalDynamo.requests("ExecuteStatementRequest") - before;
    assertTrue(sent >= 5 && sent <= 6, "requests sent: " + sent);
  }

  @Test
  void aWriteCountsOneOrZeroWhenItsConditionFails() {
    Operation.Partiql update = new Operation.Partiql(List.of("UPDATE \"events\" SET \"kind\" = ",
        " WHERE \"stream\" = 's' AND \"seq\" = 1 AND \"kind\" = ", ""),
        List.of(Harness.str("x"), Harness.str("k1")), false, null, List.of());
    assertEquals(1L, h.count(update));
    assertEquals(0L, h.count(update), "kind is no longer k1");
  }
}
