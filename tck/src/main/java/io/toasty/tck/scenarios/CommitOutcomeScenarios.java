package io.toasty.tck.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.CommitOutcomeUnknownException;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.TransactionRolledBackException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Tx;
import io.toasty.tck.Backend;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.FreshDatabase;
import io.toasty.tck.LeakWatch;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Baskets;
import io.toasty.tck.models.Cards;
import io.toasty.tck.models.Items;
import io.toasty.tck.models.Shoppers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceLock;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What a transaction whose session the server ended reports at COMMIT, as it is: a transient
 * {@link TransactionRolledBackException} when the session was gone before COMMIT was sent (the
 * database rolled it back, so running it again is safe), a {@link CommitOutcomeUnknownException}
 * when the session ended while COMMIT was on its way or running (the client cannot know). In
 * both cases the rows are counted afterwards: none of a rolled-back transaction's is there, and
 * a transaction of unknown outcome is whole or absent.
 *
 * <p>Backends without server sessions (H2 and SQLite in this JVM, DynamoDB's stateless requests,
 * Neo4j in the JVM) refuse with {@link io.toasty.Feature#SERVER_SESSIONS}.
 */
@FreshDatabase
@Models({Shoppers.class, Baskets.class, Items.class, Cards.class})
@Requires({Need.SERVER_SESSIONS, Need.INTERACTIVE_TRANSACTIONS})
@ResourceLock(LeakWatch.LEVEL)
public abstract class CommitOutcomeScenarios {
  /** Transactions each scenario ends so. */
  static final int ROUNDS = 10;
  /**
   * After the server lists the killed session gone, the time its client is given to read the
   * server's goodbye and close its socket (on one machine: well under a millisecond). A COMMIT
   * sent before the client has seen the close is written to the socket and may, as far as the
   * client can tell, have reached the server: its outcome is then rightly unknown.
   */
  static final Duration CLIENT_SEES_CLOSE = Duration.ofMillis(200);

  /**
   * The session killed after three writes, COMMIT after it is gone: a transient
   * {@link TransactionRolledBackException} whose cause is the lost connection, and none of the
   * rows.
   */
  @BackendTest
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  public void aSessionKilledBeforeCommitIsRolledBack(BackendContext cx, Backend backend) {
    BackendContext.Opened opened = cx.open(2, BackendContext.DEFAULT_PLAN_CACHE_SIZE);
    FaultChecks.refuseWithoutSessions(backend, opened.database());
    Db db = opened.db();
    for (int round = 0; round < ROUNDS; round++) {
      String tag = "before" + round;
      Tx tx = written(db, tag);
      long session = Tck.await(FaultScenarios.sessionId(tx, backend));
      int before = Tck.await(backend.serverConnections(opened.database()));
      assertEquals(1, Tck.await(backend.killSession(opened.database(), session)),
          "sessions the kill of " + tag + " ended");
      Tck.eventually("the killed session of " + tag + " is gone from the server",
          () -> Tck.await(backend.serverConnections(opened.database())) <= before - 1);
      Tck.await(Mono.delay(CLIENT_SEES_CLOSE));
      Throwable error = FaultScenarios.errorOf(tx.commit());
      assertInstanceOf(TransactionRolledBackException.class, error,
          () -> "COMMIT of " + tag + " after its session was gone: " + error);
      assertTrue(((TransactionRolledBackException) error).isTransient());
      assertInstanceOf(ConnectionLostException.class, error.getCause());
      assertEquals(0L, Tck.await(Shoppers.filter(Shoppers.ROUND.eq(tag)).count(db)),
          "rows of the rolled-back transaction " + tag);
    }
    FaultChecks.settled(opened, backend, "killed before commit");
  }

  /**
   * The session killed while the server holds its COMMIT back ({@link Backend#holdingCommits}):
   * a {@link CommitOutcomeUnknownException}, not transient, whose cause is the lost connection.
   * The outcome is truly unknown: PostgreSQL ends the killed COMMIT with a rollback, MariaDB
   * finishes a COMMIT that was waiting for its backup lock once the lock is let go. The rows are
   * counted: all three or none.
   */
  @BackendTest
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  public void aSessionKilledDuringCommitLeavesTheOutcomeUnknown(BackendContext cx,
      Backend backend) {
    BackendContext.Opened opened = cx.open(2, BackendContext.DEFAULT_PLAN_CACHE_SIZE);
    FaultChecks.refuseWithoutSessions(backend, opened.database());
    Db db = opened.db();
    Tck.await(backend.gateCommits(opened.database(), "shoppers"));
    for (int round = 0; round < ROUNDS; round++) {
      String tag = "during" + round;
      Tx tx = written(db, tag);
      long session = Tck.await(FaultScenarios.sessionId(tx, backend));
      Throwable error = Tck.await(backend.holdingCommits(opened.database(), Mono.defer(() -> {
        Mono<Throwable> committed = tx.commit().then(Mono.<Throwable>empty())
            .onErrorResume(Mono::just).cache();
        committed.subscribe();
        Tck.eventually("the COMMIT of " + tag + " runs on the server", () -> Tck.await(
            backend.runningStatements(opened.database(), "COMMIT")) == 1);
        assertEquals(1, Tck.await(backend.killSession(opened.database(), session)),
            "sessions the kill of " + tag + " ended");
        return committed.defaultIfEmpty(new AssertionError("COMMIT of " + tag
            + " succeeded although its session was killed while it ran"));
      }).subscribeOn(Schedulers.boundedElastic()))); // it waits, off the admin's event loop
      assertInstanceOf(CommitOutcomeUnknownException.class, error,
          () -> "COMMIT of " + tag + " killed while it ran: " + error);
      assertTrue(!((CommitOutcomeUnknownException) error).isTransient());
      assertInstanceOf(ConnectionLostException.class, error.getCause());
      long rows = Tck.await(Shoppers.filter(Shoppers.ROUND.eq(tag)).count(db));
      assertTrue(rows == 0 || rows == 3, "rows of " + tag + ": " + rows + " of 3 (a partial "
          + "commit)");
    }
    FaultChecks.settled(opened, backend, "killed during commit");
  }

  /** A transaction from {@code db.begin()} that has written three rows tagged {@code tag}. */
  private static Tx written(Db db, String tag) {
    Tx tx = Tck.await(db.begin());
    for (int n = 0; n < 3; n++) {
      Tck.await(FaultScenarios.create(tx, tag, n));
    }
    return tx;
  }
}
