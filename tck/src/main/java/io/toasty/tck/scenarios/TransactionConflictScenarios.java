package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.toasty.Executor;
import io.toasty.driver.Capability;
import io.toasty.error.SerializationFailureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.RetryPolicy;
import io.toasty.reactive.TxOptions;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Two transactions that each read the same record and then write what they read plus one. Where
 * reads take no locks (DynamoDB's optimistic transactions) both read before either writes, and
 * without retries exactly one commits while the other fails with the transient
 * {@link SerializationFailureException} and writes nothing. Where the backend locks rows, the
 * read is {@code forUpdate()}, so the second waits for the first and both commit. Either way no
 * update is lost, and with a retry policy both transactions commit.
 */
@Models(Users.class)
@Requires(Need.INTERACTIVE_TRANSACTIONS)
public abstract class TransactionConflictScenarios {

  /** The strongest isolation the backend keeps: serializable, or Neo4j's read committed. */
  static TxOptions strongest(Capability cap) {
    return TxOptions.defaults()
        .isolation(TxOptions.Isolation.valueOf(cap.strongestIsolation().name()));
  }

  /** Both transactions' first reads, then a signal that lets them write. */
  static final class BothRead {
    private final AtomicInteger reads = new AtomicInteger();
    private final Sinks.Empty<Void> done = Sinks.empty();

    /** Waits for the other transaction's read (at the first attempt only). */
    Mono<Void> read() {
      if (reads.incrementAndGet() == 2) {
        done.tryEmitEmpty();
      }
      return done.asMono();
    }
  }

  /**
   * Reads the record in {@code tx} (locking it where the backend can, or where its transactions
   * alone would lose an update, else after both have read) and writes its login count plus one.
   */
  static Mono<User> increment(Executor tx, Capability cap, UUID id, BothRead both) {
    boolean lock = cap.rowLocks() || !(cap.rawSql() || cap.optimisticTransactions());
    Mono<User> read = lock ? Users.filterById(id).forUpdate().first(tx)
        : Users.getById(tx, id).flatMap(u -> both.read().thenReturn(u));
    return read.flatMap(u -> Users.update(u).loginCount(u.loginCount() + 1).exec(tx));
  }

  @BackendTest
  @Requires(Need.NO_LOST_UPDATES)
  public void ofTwoTransactionsWritingWhatBothReadNoUpdateIsLost(Db db, Capability cap,
      OperationLog log) {
    User ann = Fixtures.user(db, "ann");
    BothRead both = new BothRead();
    TxOptions once = strongest(cap).retry(RetryPolicy.none());
    Mono<Object> first = db.transactionMono(once, tx -> increment(tx, cap, ann.id(), both))
        .cast(Object.class).onErrorResume(Mono::just);
    Mono<Object> second = db.transactionMono(once, tx -> increment(tx, cap, ann.id(), both))
        .cast(Object.class).onErrorResume(Mono::just);
    List<Object> outcomes = awaitAll(Flux.merge(first, second));
    List<Object> committed = outcomes.stream().filter(User.class::isInstance).toList();
    List<Object> failed = outcomes.stream().filter(Throwable.class::isInstance).toList();
    failed.forEach(e -> assertInstanceOf(SerializationFailureException.class, e));
    if (!cap.rowLocks()) {
      assertEquals(1, failed.size(), () -> "exactly one commits: " + outcomes);
    }
    assertEquals(2 - failed.size(), await(Users.getById(db, ann.id())).loginCount(),
        () -> "each commit adds one and a failed transaction writes nothing: " + outcomes);
    assertEquals(2 - failed.size(), committed.size(), () -> "outcomes " + outcomes);
    TransactionScenarios.allReleased(log);
  }

  @BackendTest
  @Requires(Need.NO_LOST_UPDATES)
  public void theRetryPolicyRunsTheLoserAgainAndNoUpdateIsLost(Db db, Capability cap,
      OperationLog log) {
    User ann = Fixtures.user(db, "ann");
    BothRead both = new BothRead();
    TxOptions retried = strongest(cap).retry(RetryPolicy.transientErrors(5));
    List<User> written = awaitAll(Flux.merge(
        db.transactionMono(retried, tx -> increment(tx, cap, ann.id(), both)),
        db.transactionMono(retried, tx -> increment(tx, cap, ann.id(), both))));
    assertEquals(2, written.size());
    assertEquals(2, await(Users.getById(db, ann.id())).loginCount(), "an update was lost");
    TransactionScenarios.allReleased(log);
  }
}
