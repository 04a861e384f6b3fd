package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.SqlStatement;
import io.toasty.error.QueryTimeoutException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Tx;
import io.toasty.reactive.TxOptions;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.DbOptions;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Job;
import io.toasty.tck.models.Jobs;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Statement and transaction timeouts ({@code db.timeout(..)}, {@code TxOptions.timeout(..)}):
 * a statement past its limit is stopped by the database, gone from its process list, and fails
 * with {@link QueryTimeoutException}; a transaction past its limit is rolled back and its
 * connection goes back to the pool. No scenario measures time: each runs a statement that would
 * never end on its own (a sleep of an hour, an endless query, a wait for a lock another
 * transaction holds) and asserts what became of it.
 */
@Models(Jobs.class)
public abstract class TimeoutScenarios {
  /** Far below any wait here (an hour, or forever), far above a statement's normal run. */
  static final Duration LIMIT = Duration.ofMillis(300);

  private static Job job(Db db) {
    UUID id = UUID.randomUUID(); // drawn on the test thread: SecureRandom may block
    return await(Jobs.create().id(id).seq(1).taken(false).count(0).exec(db));
  }

  /** A statement that never ends on its own, and the start of its text in a process list. */
  record Endless(String sql, String prefix) {}

  static Endless endless(String backend) {
    return switch (backend) {
      case "postgresql" -> new Endless("SELECT pg_sleep(3600)", "SELECT pg_sleep");
      case "mariadb", "mysql" -> new Endless("SELECT SLEEP(3600)", "SELECT SLEEP");
      case "h2" -> new Endless("SELECT count(*) FROM SYSTEM_RANGE(1, 1000000000) a, "
          + "SYSTEM_RANGE(1, 1000000000) b", "SELECT count(*) FROM SYSTEM_RANGE");
      case "sqlite" -> new Endless("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
          + "FROM c) SELECT count(*) FROM c", "WITH RECURSIVE");
      // a backend without SQL refuses it; another SQL backend's author adds one above
      default -> new Endless("SELECT 'no endless statement known for " + backend + "'", "-");
    };
  }

  @BackendTest
  public void aStatementWithinItsTimeoutRunsAsUsual(Db db) {
    Job job = job(db);
    assertEquals(job, await(Jobs.getById(db.timeout(Duration.ofSeconds(30)), job.id())));
    Job renamed = await(Jobs.update(job).worker("w").exec(db.timeout(Duration.ofSeconds(30))));
    assertEquals(Optional.of("w"), renamed.worker());
  }

  @BackendTest
  @Requires(Need.SQL)
  @DbOptions(poolMaxSize = 1)
  public void anEndlessStatementIsStoppedOnTheServerAtItsTimeout(Db db, BackendContext context) {
    Endless endless = endless(db.capability().backend());
    QueryTimeoutException e = failure(QueryTimeoutException.class,
        () -> new SqlStatement(db.timeout(LIMIT), endless.sql()).rows().then());
    context.runningStatementsOnceStopped(endless.prefix())
        .ifPresent(n -> assertEquals(0L, n, "the stopped statement is gone from the server"));
    // The pool's one connection is free again: a statement still running would hold it forever
    // (on SQLite, the bridge's thread too), and its session has no limit left.
    assertEquals(1L, await(db.sql("SELECT 1 AS one").rows().next()).get(0, Long.class));
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.ROW_LOCKS})
  public void aStatementWaitingForALockIsStoppedAtItsTimeout(Db db, BackendContext context) {
    Job job = job(db);
    Tx holder = await(db.begin());
    try {
      await(Jobs.filterById(job.id()).forUpdate().first(holder));
      failure(QueryTimeoutException.class,
          () -> Jobs.update(job).worker("late").exec(db.timeout(LIMIT)));
      // Still locked: had the database not stopped the UPDATE, it would be waiting now.
      context.runningStatementsOnceStopped("UPDATE")
          .ifPresent(n -> assertEquals(0L, n, "the stopped UPDATE is gone from the server"));
    } finally {
      await(holder.rollback());
    }
    assertEquals(Optional.empty(), await(Jobs.getById(db, job.id())).worker(),
        "the stopped UPDATE changed nothing");
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.SQL})
  @DbOptions(poolMaxSize = 1)
  public void aTransactionWhoseStatementOutlivesItsTimeoutRollsBack(Db db,
      BackendContext context) {
    Endless endless = endless(db.capability().backend());
    UUID id = UUID.randomUUID();
    // A quick SQL statement comes first: a backend without SQL refuses it at once, before the
    // transaction's 300 ms can run out in the insert on a loaded machine (the refusal, not a
    // timeout, is what such a backend must show).
    failure(QueryTimeoutException.class, () -> db.transactionMono(TxOptions.defaults()
        .timeout(LIMIT), tx -> new SqlStatement(tx, "SELECT 1").rows().then(
            Jobs.create().id(id).seq(2).taken(false).count(0).exec(tx))
        .then(new SqlStatement(tx, endless.sql()).rows().then())));
    context.runningStatementsOnceStopped(endless.prefix())
        .ifPresent(n -> assertEquals(0L, n, "the stopped statement is gone from the server"));
    assertFalse(await(Jobs.filterById(id).first(db).map(j -> true).defaultIfEmpty(false)),
        "the transaction's insert was rolled back");
    assertTrue(db.poolState().map(p -> p.acquired() == 0).orElse(true),
        () -> "the connection is back in the pool: " + db.poolState());
  }

  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void aTransactionIdlePastItsTimeoutRollsBack(Db db) {
    UUID id = UUID.randomUUID();
    failure(QueryTimeoutException.class, () -> db.transactionMono(TxOptions.defaults()
        .timeout(LIMIT), tx -> Jobs.create().id(id).seq(3).taken(false).count(0).exec(tx)
        .then(Mono.never())));
    assertFalse(await(Jobs.filterById(id).first(db).map(j -> true).defaultIfEmpty(false)),
        "the transaction's insert was rolled back");
    Job after = job(db);
    assertEquals(after, await(Jobs.getById(db, after.id())), "the pool serves statements again");
  }

  /**
   * A transaction from {@code db.begin()} times out counting from BEGIN, so its first insert
   * races the deadline: long enough for an insert on a loaded machine, short for the test. An
   * insert that loses the race fails with the same timeout, and every assertion after it holds
   * either way (the insert is absent, the connection is back).
   */
  static final Duration BEGIN_LIMIT = Duration.ofSeconds(2);

  private static void insertUnlessTimedOut(Tx tx, UUID id, int seq) {
    await(Jobs.create().id(id).seq(seq).taken(false).count(0).exec(tx).then()
        .onErrorResume(QueryTimeoutException.class, e -> Mono.empty()));
  }

  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void aTransactionFromBeginLeftOpenPastItsTimeoutIsRolledBack(Db db) {
    UUID id = UUID.randomUUID();
    Tx tx = await(db.begin(TxOptions.defaults().timeout(BEGIN_LIMIT)));
    insertUnlessTimedOut(tx, id, 4);
    // Nobody commits: its deadline ends it. Wait until it has (no clock in any assertion).
    await(Flux.interval(Duration.ofMillis(20)).filter(t -> !tx.isOpen()).next());
    failure(QueryTimeoutException.class, () -> Jobs.getById(tx, id));
    failure(QueryTimeoutException.class, tx::commit);
    await(tx.rollback()); // completes once the timeout's rollback has released the connection
    assertFalse(await(Jobs.filterById(id).first(db).map(j -> true).defaultIfEmpty(false)),
        "the transaction's insert was rolled back");
    assertTrue(db.poolState().map(p -> p.acquired() == 0).orElse(true),
        () -> "the connection is back in the pool: " + db.poolState());
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.SQL})
  @DbOptions(poolMaxSize = 1)
  public void aStatementOfATransactionFromBeginIsStoppedAtTheTransactionsDeadline(Db db,
      BackendContext context) {
    Endless endless = endless(db.capability().backend());
    UUID id = UUID.randomUUID();
    Tx tx = await(db.begin(TxOptions.defaults().timeout(BEGIN_LIMIT)));
    insertUnlessTimedOut(tx, id, 5);
    failure(QueryTimeoutException.class, () -> tx.sql(endless.sql()).rows().then());
    context.runningStatementsOnceStopped(endless.prefix())
        .ifPresent(n -> assertEquals(0L, n, "the stopped statement is gone from the server"));
    await(tx.rollback());
    assertFalse(await(Jobs.filterById(id).first(db).map(j -> true).defaultIfEmpty(false)),
        "the transaction's insert was rolled back");
    Job after = job(db); // the pool's one connection serves statements again
    assertEquals(after, await(Jobs.getById(db, after.id())));
  }
}
