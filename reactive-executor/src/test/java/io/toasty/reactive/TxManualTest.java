package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static io.toasty.reactive.TxTest.assertEndedOnce;
import static io.toasty.reactive.TxTest.is;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.SerializationFailureException;
import io.toasty.reactive.internal.tx.TxSession;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** {@code db.begin()}: a transaction ended by hand, and what happens when it never is. */
class TxManualTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void beginExecCommit() {
    Dbs t = new Dbs(Capability.H2);
    Tx tx = t.db.begin().block(WAIT);
    assertTrue(tx.isOpen());
    tx.exec(insertUser("ann")).blockLast(WAIT);
    tx.exec(insertUser("bob")).blockLast(WAIT);
    tx.commit().block(WAIT);
    assertFalse(tx.isOpen());
    assertEquals(List.of("BEGIN", "Insert", "Insert", "COMMIT"), t.driver.kinds());
    assertEquals(new TxStats(1, 1, 0, 0, 0), t.db.transactionStats());
    assertEndedOnce(t);
  }

  @Test
  void beginExecRollback() {
    Dbs t = new Dbs(Capability.H2);
    Tx tx = t.db.begin(TxOptions.repeatableRead()).block(WAIT);
    assertEquals(TxOptions.repeatableRead(), tx.options());
    tx.exec(insertUser("ann")).blockLast(WAIT);
    tx.rollback().block(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "ROLLBACK"), t.driver.kinds());
    assertEquals(new TxStats(1, 0, 1, 0, 0), t.db.transactionStats());
    assertEndedOnce(t);
  }

  @Test
  void endingTwice() {
    Dbs t = new Dbs(Capability.H2);
    Tx committed = t.db.begin().block(WAIT);
    committed.commit().block(WAIT);
    StepVerifier.create(committed.commit()).expectErrorMessage(
        "the transaction was already committed").verify(WAIT);
    StepVerifier.create(committed.rollback()).expectError(IllegalStateException.class)
        .verify(WAIT);
    StepVerifier.create(committed.close()).verifyComplete();
    StepVerifier.create(committed.exec(insertUser("late")))
        .expectErrorMessage(TxSession.ENDED).verify(WAIT);

    Tx rolledBack = t.db.begin().block(WAIT);
    rolledBack.rollback().block(WAIT);
    StepVerifier.create(rolledBack.rollback()).verifyComplete();
    StepVerifier.create(rolledBack.close()).verifyComplete();
    StepVerifier.create(rolledBack.commit()).expectError(IllegalStateException.class)
        .verify(WAIT);
    assertEquals(List.of("BEGIN", "COMMIT", "BEGIN", "ROLLBACK"), t.driver.kinds());
    assertEndedOnce(t);
  }

  @Test
  void closeRollsBackAnOpenTransaction() {
    Dbs t = new Dbs(Capability.H2);
    Tx tx = t.db.begin().block(WAIT);
    tx.exec(insertUser("ann")).blockLast(WAIT);
    tx.close().block(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "ROLLBACK"), t.driver.kinds());
    assertEndedOnce(t);
  }

  @Test
  void usingWhenEndsItOnEveryPath() {
    Dbs t = new Dbs(Capability.H2);
    Value ann = Mono.usingWhen(t.db.begin(), tx -> tx.exec(insertUser("ann")).next(),
        Tx::commit, (tx, e) -> tx.rollback(), Tx::rollback).block(WAIT);
    assertNotNull(ann);
    StepVerifier.create(Mono.usingWhen(t.db.begin(), tx -> Mono.error(new IllegalStateException(
            "no")), Tx::commit, (tx, e) -> tx.rollback(), Tx::rollback))
        .expectErrorMessage("no").verify(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "COMMIT", "BEGIN", "ROLLBACK"), t.driver.kinds());
    assertEndedOnce(t);
  }

  @Test
  void aFailedCommitSignalsTheDriversErrorAndReleases() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> is(op, Operation.Transaction.Kind.COMMIT)
        ? Mono.error(new SerializationFailureException("h2", "40001", "conflict", null)) : null);
    Tx tx = t.db.begin().block(WAIT);
    StepVerifier.create(tx.commit()).expectError(SerializationFailureException.class)
        .verify(WAIT);
    assertEquals(List.of("BEGIN", "COMMIT", "ROLLBACK"), t.driver.kinds());
    assertEndedOnce(t);
  }

  @Test
  void cancellingTheCommitsSubscriberDoesNotStopTheCommit() {
    Dbs t = new Dbs(Capability.H2);
    Sinks.Empty<Void> commitDone = Sinks.empty();
    t.driver.respond(op -> is(op, Operation.Transaction.Kind.COMMIT)
        ? commitDone.asMono().thenReturn(new ExecResponse.Count(0)) : null);
    Tx tx = t.db.begin().block(WAIT);
    StepVerifier.create(tx.commit()).expectSubscription().thenAwait(Duration.ofMillis(20))
        .thenCancel().verify(WAIT);
    assertEquals(List.of("BEGIN", "COMMIT"), t.driver.kinds());
    assertEquals(0, t.driver.closes.get());
    commitDone.tryEmitEmpty();
    assertEquals(List.of("BEGIN", "COMMIT"), t.driver.kinds());
    assertEquals(new TxStats(1, 1, 0, 0, 0), t.db.transactionStats());
    assertEndedOnce(t);
  }

  @Test
  void cancellingBeginWhileBeginIsInFlightRollsBackAndReleases() {
    Dbs t = new Dbs(Capability.H2);
    Sinks.Empty<Void> begun = Sinks.empty();
    t.driver.respond(op -> is(op, Operation.Transaction.Kind.BEGIN)
        ? begun.asMono().thenReturn(new ExecResponse.Count(0)) : null);
    StepVerifier.create(t.db.begin()).expectSubscription().thenAwait(Duration.ofMillis(20))
        .thenCancel().verify(WAIT);
    assertEquals(List.of("BEGIN"), t.driver.kinds(), "the ROLLBACK waits for the BEGIN");
    begun.tryEmitEmpty();
    assertEquals(List.of("BEGIN", "ROLLBACK"), t.driver.kinds());
    assertEndedOnce(t);
  }

  @Test
  void closingTheDbRollsBackOpenTransactions() {
    Dbs t = new Dbs(Capability.H2);
    Tx tx = t.db.begin().block(WAIT);
    tx.exec(insertUser("ann")).blockLast(WAIT);
    t.db.close().block(WAIT);
    assertFalse(tx.isOpen());
    assertEquals(List.of("BEGIN", "Insert", "ROLLBACK"), t.driver.kinds());
    StepVerifier.create(tx.commit()).expectError(IllegalStateException.class).verify(WAIT);
    assertEndedOnce(t);
  }

  @Test
  void aDroppedOpenTxIsRolledBackOnceUnreachable() throws InterruptedException {
    Dbs t = new Dbs(Capability.H2);
    beginAndDrop(t);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (t.driver.closes.get() == 0 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
    }
    assertEquals(List.of("BEGIN", "Insert", "ROLLBACK"), t.driver.kinds());
    assertEquals(new TxStats(1, 0, 1, 0, 0), t.db.transactionStats());
    assertEndedOnce(t);
  }

  private static void beginAndDrop(Dbs t) {
    Tx tx = t.db.begin().block(WAIT);
    tx.exec(insertUser("ann")).blockLast(WAIT);
  }
}
