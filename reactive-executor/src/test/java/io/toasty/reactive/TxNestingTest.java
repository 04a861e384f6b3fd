package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static io.toasty.reactive.TxTest.assertEndedOnce;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Nested transactions as savepoints, and the transaction bound in the Reactor Context. */
class TxNestingTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void aNestedTransactionIsASavepointReleasedOnSuccess() {
    Dbs t = new Dbs(Capability.H2);
    t.db.transaction(tx -> tx.exec(insertUser("ann"))
        .thenMany(tx.transaction(inner -> inner.exec(insertUser("bob"))))).blockLast(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "SAVEPOINT", "Insert", "RELEASE_SAVEPOINT",
        "COMMIT"), t.driver.kinds());
    Operation.Transaction sp = (Operation.Transaction) t.driver.log.get(2);
    Operation.Transaction release = (Operation.Transaction) t.driver.log.get(4);
    assertEquals(sp.savepoint(), release.savepoint());
    assertEndedOnce(t);
  }

  @Test
  void aFailedNestedTransactionRollsBackAloneAndTheOuterCommits() {
    Dbs t = new Dbs(Capability.H2);
    t.db.transaction(tx -> tx.exec(insertUser("ann"))
        .thenMany(tx.transaction(inner -> inner.exec(insertUser("bob"))
            .then(Mono.error(new IllegalStateException("inner fails"))))
            .onErrorResume(IllegalStateException.class, e -> Mono.empty()))
        .thenMany(tx.exec(insertUser("cid")))).blockLast(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "SAVEPOINT", "Insert", "ROLLBACK_TO_SAVEPOINT",
        "Insert", "COMMIT"), t.driver.kinds());
    assertEndedOnce(t);
  }

  @Test
  void anUncaughtNestedFailureRollsBackTheWholeTransaction() {
    Dbs t = new Dbs(Capability.H2);
    StepVerifier.create(t.db.transaction(tx -> tx.transaction(inner -> Mono.error(
        new IllegalStateException("boom"))))).expectErrorMessage("boom").verify(WAIT);
    assertEquals(List.of("BEGIN", "SAVEPOINT", "ROLLBACK_TO_SAVEPOINT", "ROLLBACK"),
        t.driver.kinds());
    assertEndedOnce(t);
  }

  @Test
  void nestingTwiceUsesDistinctSavepoints() {
    Dbs t = new Dbs(Capability.H2);
    t.db.transaction(tx -> tx.transaction(a -> a.transaction(b -> b.exec(insertUser("x")))))
        .blockLast(WAIT);
    assertEquals(List.of("BEGIN", "SAVEPOINT", "SAVEPOINT", "Insert", "RELEASE_SAVEPOINT",
        "RELEASE_SAVEPOINT", "COMMIT"), t.driver.kinds());
    String outer = ((Operation.Transaction) t.driver.log.get(1)).savepoint();
    String inner = ((Operation.Transaction) t.driver.log.get(2)).savepoint();
    assertNotEquals(outer, inner);
    assertEquals(inner, ((Operation.Transaction) t.driver.log.get(4)).savepoint());
    assertEquals(outer, ((Operation.Transaction) t.driver.log.get(5)).savepoint());
  }

  @Test
  void aFailedReleaseFailsTheNestedTransactionWithTheDriversError() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> op instanceof Operation.Transaction tr
        && tr.kind() == Operation.Transaction.Kind.RELEASE_SAVEPOINT
        ? Mono.error(new DriverException("h2", "3B001", "no such savepoint", null)) : null);
    StepVerifier.create(t.db.transaction(tx -> tx.transaction(inner -> Mono.just(1))))
        .expectNext(1).expectError(DriverException.class).verify(WAIT);
    assertEndedOnce(t);
  }

  @Test
  void backendsWithoutSavepointsRefuseNesting() {
    Capability noSavepoints = new Capability("sql-no-savepoints", true, true, true, true, true,
        true, false, true, true, true, 64);
    Dbs t = new Dbs(noSavepoints);
    StepVerifier.create(t.db.transaction(tx -> tx.transaction(inner -> Mono.just(1))))
        .expectError(UnsupportedFeatureException.class).verify(WAIT);
    assertEquals(List.of("BEGIN", "ROLLBACK"), t.driver.kinds());
  }

  @Test
  void aPlanThatWritesSeveralTimesRunsUnderASavepointInsideATransaction() {
    Dbs t = new Dbs(Dbs.ROW_BY_ROW);
    List<Value> rows = t.db.transaction(tx -> tx.exec(twoTodos())).collectList().block(WAIT);
    assertEquals(2, rows.size());
    assertEquals(List.of("BEGIN", "SAVEPOINT", "Insert", "Insert", "RELEASE_SAVEPOINT",
        "COMMIT"), t.driver.kinds());
    assertEquals(1, t.driver.connects.get());
    assertEquals(new TxStats(1, 1, 0, 0, 0), t.db.transactionStats());
  }

  @Test
  void aCaughtFailureOfSuchAPlanLeavesNoneOfItsWrites() {
    Dbs t = new Dbs(Dbs.ROW_BY_ROW);
    AtomicInteger inserts = new AtomicInteger();
    t.driver.respond(op -> op instanceof Operation.Insert && inserts.incrementAndGet() == 2
        ? Mono.error(new DriverException("fake", "23505", "duplicate", null)) : null);
    t.db.transaction(tx -> tx.exec(twoTodos()).onErrorResume(DriverException.class,
        e -> Flux.empty()).thenMany(tx.exec(insertUser("after")))).blockLast(WAIT);
    assertEquals(List.of("BEGIN", "SAVEPOINT", "Insert", "Insert", "ROLLBACK_TO_SAVEPOINT",
        "Insert", "COMMIT"), t.driver.kinds());
  }

  @Test
  void execOnTheDbJoinsTheTransactionBoundInTheContext() {
    Dbs t = new Dbs(Capability.H2);
    t.db.transaction(tx -> t.db.exec(insertUser("ann"))
        .thenMany(t.db.exec(users(eq(user(1), str("ann")))))).blockLast(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "QuerySql", "COMMIT"), t.driver.kinds());
    assertEquals(1, t.driver.connects.get());
    assertEndedOnce(t);
  }

  @Test
  void theContextBindingRollsBackDbStatementsToo() {
    Dbs t = new Dbs(Capability.H2);
    StepVerifier.create(t.db.transaction(tx -> t.db.exec(insertUser("ann"))
        .then(Mono.error(new IllegalStateException("no"))))).expectError().verify(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "ROLLBACK"), t.driver.kinds());
  }

  @Test
  void dbTransactionInsideABoundTransactionNests() {
    Dbs t = new Dbs(Capability.H2);
    t.db.transaction(tx -> t.db.transaction(inner -> t.db.exec(insertUser("ann"))))
        .blockLast(WAIT);
    assertEquals(List.of("BEGIN", "SAVEPOINT", "Insert", "RELEASE_SAVEPOINT", "COMMIT"),
        t.driver.kinds());
    assertEquals(1, t.driver.connects.get());
  }

  @Test
  void aNestedTransactionKeepsItsOutersOptions() {
    Dbs t = new Dbs(Capability.H2);
    StepVerifier.create(t.db.transaction(TxOptions.readCommitted(), tx -> t.db.transaction(
            TxOptions.serializable(), inner -> Mono.just(1))))
        .expectError(IllegalArgumentException.class).verify(WAIT);
    assertEquals(List.of(1), t.db.transaction(TxOptions.readCommitted(), tx -> t.db.transaction(
        TxOptions.readCommitted(), inner -> Mono.just(1))).collectList().block(WAIT));
  }

  @Test
  void theOuterTxInsideANestedOneRunsInTheNestedOne() {
    Dbs t = new Dbs(Capability.H2);
    t.db.transaction(tx -> tx.transaction(inner -> tx.exec(insertUser("ann"))
        .then(Mono.error(new IllegalStateException("undo"))))
        .onErrorResume(e -> Mono.empty())).blockLast(WAIT);
    assertEquals(List.of("BEGIN", "SAVEPOINT", "Insert", "ROLLBACK_TO_SAVEPOINT", "COMMIT"),
        t.driver.kinds());
  }

  @Test
  void anotherDbsTransactionInTheContextIsIgnored() {
    Dbs a = new Dbs(Capability.H2);
    Dbs b = new Dbs(Capability.H2);
    a.db.transaction(tx -> b.db.exec(insertUser("ann"))).blockLast(WAIT);
    assertEquals(List.of("BEGIN", "COMMIT"), a.driver.kinds());
    assertEquals(List.of("Insert"), b.driver.kinds());
  }

  @Test
  void aManualTxBoundByHandIsJoined() {
    Dbs t = new Dbs(Capability.H2);
    Tx tx = t.db.begin().block(WAIT);
    t.db.exec(insertUser("ann")).contextWrite(c -> c.put(Tx.CONTEXT_KEY, tx)).blockLast(WAIT);
    tx.commit().block(WAIT);
    assertEquals(List.of("BEGIN", "Insert", "COMMIT"), t.driver.kinds());
    assertEquals(1, t.driver.connects.get());
  }

  @Test
  void cancellingInsideANestedTransactionRollsBackEverythingOnce() {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> op instanceof Operation.QuerySql
        ? Mono.just(new ExecResponse.Rows(Flux.never())) : null);
    StepVerifier.create(t.db.transaction(tx -> tx.transaction(inner -> inner.exec(
            users(eq(user(1), str("x")))))))
        .expectSubscription().thenAwait(Duration.ofMillis(20)).thenCancel().verify(WAIT);
    assertEquals(List.of("BEGIN", "SAVEPOINT", "QuerySql", "ROLLBACK_TO_SAVEPOINT", "ROLLBACK"),
        t.driver.kinds());
    assertEndedOnce(t);
  }
}
