package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.internal.tx.TxSession;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** {@code db.transaction(..)}: commit, rollback and cancel, each ending exactly once. */
class TxTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  static boolean is(Operation op, Operation.Transaction.Kind kind) {
    return op instanceof Operation.Transaction t && t.kind() == kind;
  }

  static void assertEndedOnce(Dbs t) {
    assertEquals(t.driver.connects.get(), t.driver.closes.get(), "every connection released");
    assertEquals(t.driver.closes.get(), t.driver.closeCalls.get(), "each released once");
    assertEquals(0, t.driver.overlaps.get(), "operations overlapped on a connection");
    assertEquals(0, t.db.transactionStats().active(), t.db.transactionStats().toString());
  }

  @Test
  void commitsWhenThePublisherCompletes() {
    Dbs t = new Dbs(Capability.H2);
    List<Value> rows = t.db.transaction(tx -> Flux.concat(tx.exec(insertUser("ann")),
        tx.exec(insertUser("bob")))).collectList().block(WAIT);
    assertEquals(2, rows.size());
    assertEquals(List.of("BEGIN", "Insert", "Insert", "COMMIT"), t.driver.kinds());
    assertEquals(1, t.driver.connects.get());
    assertEquals(new TxStats(1, 1, 0, 0, 0), t.db.transactionStats());
    assertEndedOnce(t);
  }

  @Test
  void rollsBackWhenThePublisherFails() {
    Dbs t = new Dbs(Capability.H2);
    StepVerifier.create(t.db.transaction(tx -> tx.exec(insertUser("ann"))
            .then(Mono.error(new IllegalStateException("changed my mind")))))
        .expectErrorMessage("changed my mind").verify(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "ROLLBACK"), t.driver.kinds());
    assertEquals(new TxStats(1, 0, 1, 0, 0), t.db.transactionStats());
    assertEndedOnce(t);
  }

  @Test
  void aThrowingFunctionRollsBackAndSignalsItsError() {
    Dbs t = new Dbs(Capability.H2);
    StepVerifier.create(t.db.transaction(tx -> {
      throw new IllegalArgumentException("bad callback");
    })).expectErrorMessage("bad callback").verify(WAIT);
    StepVerifier.create(t.db.transaction(tx -> null)).expectError(NullPointerException.class)
        .verify(WAIT);
    assertEquals(List.of("BEGIN", "ROLLBACK", "BEGIN", "ROLLBACK"), t.driver.kinds());
    assertEndedOnce(t);
  }

  @Test
  void cancelRollsBackAndReleases() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> op instanceof Operation.QuerySql
        ? Mono.just(new ExecResponse.Rows(Flux.never())) : null);
    StepVerifier.create(t.db.transaction(tx -> tx.exec(insertUser("ann"))
            .thenMany(tx.exec(users(eq(user(1), str("ann")))))))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(20))
        .thenCancel()
        .verify(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "QuerySql", "ROLLBACK"), t.driver.kinds());
    assertEquals(new TxStats(1, 0, 0, 1, 0), t.db.transactionStats());
    assertEndedOnce(t);
  }

  @Test
  void cancelMidStreamRollsBack() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> op instanceof Operation.QuerySql
        ? Mono.just(new ExecResponse.Rows(Flux.range(1, 1000).map(Models::userRow))) : null);
    List<Value> two = t.db.transaction(tx -> tx.exec(users(eq(user(1), str("x"))))).take(2)
        .collectList().block(WAIT);
    assertEquals(2, two.size());
    assertEquals(List.of("BEGIN", "QuerySql", "ROLLBACK"), t.driver.kinds());
    assertEndedOnce(t);
  }

  @Test
  void cancelDuringCommitLetsTheCommitFinishThenReleases() {
    Dbs t = new Dbs(Capability.H2);
    Sinks.Empty<Void> commitDone = Sinks.empty();
    t.driver.respond(op -> is(op, Operation.Transaction.Kind.COMMIT)
        ? commitDone.asMono().thenReturn(new ExecResponse.Count(0)) : null);
    StepVerifier.create(t.db.transaction(tx -> tx.exec(insertUser("ann"))))
        .expectNextCount(1)
        .thenAwait(Duration.ofMillis(20))
        .thenCancel()
        .verify(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "COMMIT"), t.driver.kinds());
    assertEquals(0, t.driver.closes.get(), "released only once COMMIT is done");
    commitDone.tryEmitEmpty();
    assertEquals(1, t.driver.closes.get());
    assertEquals(new TxStats(1, 1, 0, 0, 0), t.db.transactionStats());
    assertEndedOnce(t);
  }

  @Test
  void aFailedCommitSignalsTheDriversErrorRollsBackAndReleases() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> is(op, Operation.Transaction.Kind.COMMIT)
        ? Mono.error(new SerializationFailureException("h2", "40001", "could not serialize",
            null)) : null);
    StepVerifier.create(t.db.transaction(tx -> tx.exec(insertUser("ann"))))
        .expectNextCount(1)
        .expectError(SerializationFailureException.class)
        .verify(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "COMMIT", "ROLLBACK"), t.driver.kinds());
    assertEquals(new TxStats(1, 0, 1, 0, 0), t.db.transactionStats());
    assertEndedOnce(t);
  }

  @Test
  void transactionMonoEmitsOnlyAfterCommit() {
    Dbs t = new Dbs(Capability.H2);
    AtomicReference<List<String>> seenAtValue = new AtomicReference<>();
    Value v = t.db.transactionMono(tx -> tx.exec(insertUser("ann")).next())
        .doOnNext(x -> seenAtValue.set(t.driver.kinds())).block(WAIT);
    assertNotNull(v);
    assertEquals(List.of("BEGIN", "Insert", "COMMIT"), seenAtValue.get());
    assertEndedOnce(t);
  }

  @Test
  void aRollbackFailingAfterAnErrorIsSuppressedOnTheError() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> is(op, Operation.Transaction.Kind.ROLLBACK)
        ? Mono.error(new DriverException("h2", "08006", "connection lost", null)) : null);
    StepVerifier.create(t.db.transaction(tx -> Mono.error(new IllegalStateException("first"))))
        .expectErrorSatisfies(e -> {
          assertEquals("first", e.getMessage());
          assertTrue(e.getSuppressed()[0].getMessage().contains("connection lost"));
        }).verify(WAIT);
    assertEquals(1, t.db.transactionStats().failedCleanups());
    assertEndedOnce(t);
  }

  @Test
  void aRollbackFailingAfterACancelIsCountedAndTheConnectionReleased() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> {
      if (is(op, Operation.Transaction.Kind.ROLLBACK)) {
        return Mono.error(new DriverException("h2", "08006", "connection lost", null));
      }
      return op instanceof Operation.QuerySql ? Mono.just(new ExecResponse.Rows(Flux.never()))
          : null;
    });
    StepVerifier.create(t.db.transaction(tx -> tx.exec(users(eq(user(1), str("x"))))))
        .expectSubscription().thenAwait(Duration.ofMillis(20)).thenCancel().verify(WAIT);
    assertEquals(List.of("BEGIN", "QuerySql", "ROLLBACK"), t.driver.kinds());
    assertEquals(new TxStats(1, 0, 0, 1, 1), t.db.transactionStats());
    assertEndedOnce(t);
  }

  @Test
  void aFailedBeginReleasesTheConnectionWithoutRollback() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> is(op, Operation.Transaction.Kind.BEGIN)
        ? Mono.error(new DriverException("h2", "08006", "no", null)) : null);
    StepVerifier.create(t.db.transaction(tx -> tx.exec(insertUser("ann"))))
        .expectError(DriverException.class).verify(WAIT);
    assertEquals(List.of("BEGIN"), t.driver.kinds());
    assertEquals(new TxStats(0, 0, 0, 0, 0), t.db.transactionStats());
    assertEndedOnce(t);
  }

  @Test
  void cancelWhileBeginIsInFlightRollsBackOnceItIsDone() {
    Dbs t = new Dbs(Capability.H2);
    Sinks.Empty<Void> begun = Sinks.empty();
    t.driver.respond(op -> is(op, Operation.Transaction.Kind.BEGIN)
        ? begun.asMono().thenReturn(new ExecResponse.Count(0)) : null);
    StepVerifier.create(t.db.transaction(tx -> tx.exec(insertUser("ann"))))
        .expectSubscription().thenAwait(Duration.ofMillis(20)).thenCancel().verify(WAIT);
    assertEquals(List.of("BEGIN"), t.driver.kinds(), "the ROLLBACK waits for the BEGIN");
    assertEquals(0, t.driver.closes.get());
    begun.tryEmitEmpty();
    assertEquals(List.of("BEGIN", "ROLLBACK"), t.driver.kinds());
    assertEquals(new TxStats(1, 0, 0, 1, 0), t.db.transactionStats());
    assertEndedOnce(t);
  }

  /**
   * A level stronger than the backend keeps is refused before a connection is taken, for a
   * transaction function and a manual transaction alike; a kept one runs.
   */
  @Test
  void aLevelTheBackendDoesNotKeepIsRefusedBeforeBegin() {
    Dbs t = new Dbs(Capability.H2.withStrongestIsolation(
        Operation.Transaction.Isolation.READ_COMMITTED));
    StepVerifier.create(t.db.transaction(TxOptions.repeatableRead(), tx -> Mono.just(1)))
        .expectErrorSatisfies(e -> assertEquals(Feature.ISOLATION_LEVEL,
            ((UnsupportedFeatureException) e).feature()))
        .verify(WAIT);
    StepVerifier.create(t.db.begin(TxOptions.serializable()))
        .expectErrorSatisfies(e -> assertTrue(e.getMessage().contains("SERIALIZABLE"),
            e::toString))
        .verify(WAIT);
    assertEquals(List.of(), t.driver.kinds(), "nothing reached the driver");
    assertEquals(0, t.driver.connects.get(), "no connection was taken");
    t.db.transaction(TxOptions.readCommitted(), tx -> Mono.just(1)).blockLast(WAIT);
    assertEquals(List.of("BEGIN", "COMMIT"), t.driver.kinds());
  }

  @Test
  void optionsReachBegin() {
    Dbs t = new Dbs(Capability.H2);
    t.db.transaction(TxOptions.serializable().readOnly(), tx -> tx.exec(users(eq(user(1),
        str("x"))))).blockLast(WAIT);
    Operation.Transaction begin = (Operation.Transaction) t.driver.log.get(0);
    assertEquals(Operation.Transaction.Isolation.SERIALIZABLE, begin.isolation());
    assertTrue(begin.readOnly());
    t.db.transaction(TxOptions.defaults(), tx -> Mono.empty()).blockLast(WAIT);
    Operation.Transaction plain = (Operation.Transaction) t.driver.log.get(3);
    assertNull(plain.isolation());
    assertFalse(plain.readOnly());
    assertEquals(TxOptions.readCommitted().readOnly(),
        TxOptions.defaults().readOnly().isolation(TxOptions.Isolation.READ_COMMITTED));
  }

  @Test
  void theFunctionsTxCannotBeEndedByHand() {
    Dbs t = new Dbs(Capability.H2);
    StepVerifier.create(t.db.transaction(tx -> tx.commit()))
        .expectErrorSatisfies(e -> assertTrue(e.getMessage().startsWith("commit() is for"),
            e.getMessage())).verify(WAIT);
    assertEquals(List.of("BEGIN", "ROLLBACK"), t.driver.kinds());
  }

  @Test
  void statementsOutsideTheFunctionsPublisherAreRefusedAfterTheEnd() {
    Dbs t = new Dbs(Capability.H2);
    AtomicReference<Tx> leaked = new AtomicReference<>();
    t.db.transaction(tx -> {
      leaked.set(tx);
      return Mono.empty();
    }).blockLast(WAIT);
    assertFalse(leaked.get().isOpen());
    StepVerifier.create(leaked.get().exec(insertUser("late")))
        .expectErrorSatisfies(e -> assertEquals(TxSession.ENDED, e.getMessage())).verify(WAIT);
    assertEquals(List.of("BEGIN", "COMMIT"), t.driver.kinds());
  }

  @Test
  void backendsWithoutInteractiveTransactionsRefuse() {
    // DynamoDB's transactions are optimistic ones; without those either, none can begin
    Dbs t = new Dbs(Capability.DYNAMODB.withOptimisticTransactions(false));
    StepVerifier.create(t.db.transaction(tx -> Mono.just(1)))
        .expectError(UnsupportedFeatureException.class).verify(WAIT);
    StepVerifier.create(t.db.begin()).expectError(UnsupportedFeatureException.class).verify(WAIT);
    assertEquals(0, t.driver.connects.get());
  }

  @Test
  void nothingRunsBeforeSubscription() {
    Dbs t = new Dbs(Capability.H2);
    Flux<Value> pending = t.db.transaction(tx -> tx.exec(insertUser("ann")));
    Mono<Tx> begin = t.db.begin();
    assertEquals(0, t.driver.connects.get());
    pending.blockLast(WAIT);
    assertEquals(1, t.driver.connects.get());
    assertNotNull(begin);
  }
}
