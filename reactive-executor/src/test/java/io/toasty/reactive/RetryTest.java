package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.driver.Connection;
import io.toasty.driver.Driver;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.driver.PoolState;
import io.toasty.error.CommitOutcomeUnknownException;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.ErrorCategory;
import io.toasty.error.PoolTimeoutException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.ToastyException;
import io.toasty.error.TransactionRolledBackException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What a RetryPolicy retries, what it never does, and that it stops once something was sent on. */
class RetryTest {
  private static final RetryPolicy THREE = new RetryPolicy(3, Duration.ofMillis(1),
      Duration.ofMillis(2), 0);
  private final FakeDriver driver = new FakeDriver(Capability.H2, Dbs.SCHEMA);
  private final AtomicInteger statements = new AtomicInteger();

  private Db db(RetryPolicy policy) {
    return Toasty.builder().models(USERS, TODOS).driverFactory(config -> driver).retry(policy)
        .build();
  }

  /** Statements fail with {@code error} {@code failures} times, then answer with one user. */
  private void failFirst(int failures, Supplier<ToastyException> error) {
    failFirst(driver, failures, error);
  }

  /** {@link #failFirst(int, Supplier)} on {@code on}. */
  private void failFirst(FakeDriver on, int failures, Supplier<ToastyException> error) {
    on.respond(op -> {
      if (op instanceof Operation.Transaction) {
        return null;
      }
      return statements.incrementAndGet() <= failures ? Mono.error(error.get())
          : op instanceof Operation.Insert ? null
          : Mono.just(new ExecResponse.Rows(Flux.just(userRow(1))));
    });
  }

  private static ConnectionLostException lost() {
    return new ConnectionLostException("h2", "08006", "connection lost", null);
  }

  /** A connection the driver found closed before it wrote anything of the operation. */
  private static ConnectionLostException lostUnsent() {
    return new ConnectionLostException("h2", null, "connection is closed", null, true);
  }

  private Db db(RetryPolicy statements, RetryPolicy transactions) {
    return Toasty.builder().models(USERS, TODOS).driverFactory(config -> driver)
        .retry(statements).transactionRetry(transactions).build();
  }

  /** {@link #driver}, whose first {@code failures} acquires time out. */
  private Driver timingOut(int failures) {
    AtomicInteger acquires = new AtomicInteger();
    return new Driver() {
      @Override public Capability capability() {
        return driver.capability();
      }

      @Override public Mono<Connection> connect() {
        return Mono.defer(() -> acquires.incrementAndGet() <= failures
            ? Mono.error(new PoolTimeoutException("h2", Duration.ofMillis(5), null))
            : driver.connect());
      }

      @Override public Mono<Void> pushSchema() {
        return driver.pushSchema();
      }

      @Override public Mono<Void> resetSchema() {
        return driver.resetSchema();
      }

      @Override public Mono<Void> close() {
        return driver.close();
      }
    };
  }

  private static SerializationFailureException conflict() {
    return new SerializationFailureException("h2", "40001", "could not serialize", null);
  }

  @Test
  void withoutAPolicyAReadIsTriedOnceMoreOnALostConnection() {
    failFirst(1, RetryTest::lost);
    assertEquals(1, db(RetryPolicy.none()).exec(users(eq(user(1), str("a")))).count().block());
    assertEquals(2, statements.get());
    assertEquals(2, driver.connects.get(), "the second try on a connection of its own");
  }

  @Test
  void withoutAPolicyAReadIsTriedOnlyOnceMore() {
    failFirst(2, RetryTest::lost);
    assertThrows(ConnectionLostException.class,
        () -> db(RetryPolicy.none()).exec(users(eq(user(1), str("a")))).blockLast());
    assertEquals(2, statements.get());
  }

  @Test
  void withoutAPolicyAReadOfTypedRecordsIsTriedOnceMoreOnALostConnection() {
    failFirst(1, RetryTest::lost);
    Db db = Toasty.builder().models(Models.READ_USERS, TODOS).driverFactory(config -> driver)
        .build();
    assertEquals(1, db.read(users(eq(user(1), str("a"))), Models.READ_USERS).count().block());
    assertEquals(2, statements.get());
  }

  @Test
  void withoutAPolicyAReadIsTriedOnEveryPooledConnectionAndOneMore() {
    FakeDriver pooled = pooledOf(3);
    failFirst(pooled, 3, RetryTest::lost);
    Db db = Toasty.builder().models(USERS, TODOS).driverFactory(config -> pooled).build();
    assertEquals(1, db.exec(users(eq(user(1), str("a")))).count().block(),
        "a pool of three whose every idle session died: the fourth try answers");
    assertEquals(4, statements.get());
    assertEquals(4, pooled.connects.get(), "each try on a connection of its own");
  }

  @Test
  void withoutAPolicyTheTriesOfALostReadEndAtThePoolsSizePlusOne() {
    FakeDriver pooled = pooledOf(3);
    failFirst(pooled, 4, RetryTest::lost);
    Db db = Toasty.builder().models(USERS, TODOS).driverFactory(config -> pooled).build();
    assertThrows(ConnectionLostException.class,
        () -> db.exec(users(eq(user(1), str("a")))).blockLast());
    assertEquals(4, statements.get());
  }

  @Test
  void withoutAPolicyAWriteOfWhichNothingWasSentIsTriedAgain() {
    FakeDriver pooled = pooledOf(3);
    failFirst(pooled, 2, RetryTest::lostUnsent);
    Db db = Toasty.builder().models(USERS, TODOS).driverFactory(config -> pooled).build();
    assertEquals(1, db.exec(insertUser("Ann")).count().block());
    assertEquals(3, statements.get());
  }

  /** A driver that says it pools {@code size} connections. */
  private static FakeDriver pooledOf(int size) {
    return new FakeDriver(Capability.H2, Dbs.SCHEMA) {
      @Override
      public Optional<PoolState> poolState() {
        return Optional.of(new PoolState(size, 0, 0, 0, 0));
      }
    };
  }

  @Test
  void theSecondTryOfALostReadCanBeTurnedOff() {
    failFirst(1, RetryTest::lost);
    Db db = Toasty.builder().models(USERS, TODOS).driverFactory(config -> driver)
        .retryLostReads(false).build();
    assertThrows(ConnectionLostException.class,
        () -> db.exec(users(eq(user(1), str("a")))).blockLast());
    assertEquals(1, statements.get());
  }

  @Test
  void aReadThatEmittedARowIsNotTriedAgain() {
    AtomicInteger tries = new AtomicInteger();
    driver.respond(op -> op instanceof Operation.Transaction ? null
        : Mono.just(new ExecResponse.Rows(Flux.concat(
            Mono.fromSupplier(() -> { tries.incrementAndGet(); return userRow(1); }),
            Mono.error(lost())))));
    assertThrows(ConnectionLostException.class,
        () -> db(RetryPolicy.none()).exec(users(eq(user(1), str("a")))).blockLast());
    assertEquals(1, tries.get());
  }

  @Test
  void withoutAPolicyAWriteIsNotTriedAgainOnALostConnection() {
    failFirst(1, RetryTest::lost);
    assertThrows(ConnectionLostException.class,
        () -> db(RetryPolicy.none()).exec(insertUser("Ann")).blockLast());
    assertEquals(1, statements.get());
  }

  @Test
  void aReadIsRetriedOnALostConnection() {
    failFirst(2, RetryTest::lost);
    assertEquals(1, db(THREE).exec(users(eq(user(1), str("a")))).count().block());
    assertEquals(3, statements.get());
  }

  @Test
  void aWriteIsNeverRetriedOnALostConnectionItsOutcomeIsUnknown() {
    failFirst(1, RetryTest::lost);
    assertThrows(ConnectionLostException.class,
        () -> db(THREE).exec(insertUser("Ann")).blockLast());
    assertEquals(1, statements.get());
  }

  @Test
  void aWriteIsRetriedWhenItsConnectionWasFoundClosedBeforeAnythingWasSent() {
    failFirst(2, RetryTest::lostUnsent);
    assertEquals(1, db(THREE).exec(insertUser("Ann")).count().block());
    assertEquals(3, statements.get());
    assertEquals(3, driver.connects.get(), "each try on a connection of its own");
  }

  @Test
  void aWriteIsRetriedWhenThePoolTimedOutBeforeItWasSent() {
    Driver slow = timingOut(2);
    Db db = Toasty.builder().models(USERS, TODOS).driverFactory(config -> slow).retry(THREE)
        .build();
    assertEquals(1, db.exec(insertUser("Ann")).count().block());
    assertEquals(List.of("Insert"), driver.kinds());
  }

  @Test
  void aPoolTimeoutIsNotRetriedWithoutAPolicy() {
    Driver slow = timingOut(1);
    Db db = Toasty.builder().models(USERS, TODOS).driverFactory(config -> slow).build();
    assertThrows(PoolTimeoutException.class,
        () -> db.exec(insertUser("Ann")).blockLast());
    assertEquals(List.of(), driver.kinds());
  }

  @Test
  void aWriteOfSeveralStatementsIsNotRetriedOnceOneWasSent() {
    // the plan's first write went through; the second found the connection closed: the first
    // may be applied, so nothing is tried again and the error reaches the caller, typed
    AtomicInteger writes = new AtomicInteger();
    driver.respond(op -> op instanceof Operation.Insert && writes.incrementAndGet() == 2
        ? Mono.error(lostUnsent()) : null);
    Db db = db(THREE, THREE);
    ConnectionLostException e = assertThrows(ConnectionLostException.class,
        () -> db.transactionMono(tx -> tx.exec(insertUser("Ann"))
            .then(tx.exec(insertUser("Bob")).then())).block());
    assertTrue(e.nothingSent(), "the failed statement itself was not sent");
    assertEquals(2, writes.get(), "not retried");
  }

  @Test
  void aTransactionIsRetriedWhenItsFirstStatementWasNotSent() {
    failFirst(1, RetryTest::lostUnsent);
    AtomicInteger runs = new AtomicInteger();
    Db db = db(RetryPolicy.none(), THREE);
    assertEquals(1L, db.transactionMono(tx -> {
      runs.incrementAndGet();
      return tx.exec(insertUser("Ann")).count();
    }).block());
    assertEquals(2, runs.get());
    assertEquals(List.of("BEGIN", "Insert", "ROLLBACK", "BEGIN", "Insert", "COMMIT"),
        driver.kinds());
  }

  @Test
  void aTransactionIsRetriedWhenBeginFoundTheConnectionClosed() {
    AtomicInteger begins = new AtomicInteger();
    driver.respond(op -> op instanceof Operation.Transaction t
        && t.kind() == Operation.Transaction.Kind.BEGIN && begins.incrementAndGet() == 1
        ? Mono.error(lostUnsent()) : null);
    Db db = db(RetryPolicy.none(), THREE);
    assertEquals(1L, db.transactionMono(tx -> tx.exec(insertUser("Ann")).count()).block());
    assertEquals(2, begins.get());
  }

  @Test
  void aTransactionWhoseStatementMayHaveBeenSentIsNotRetried() {
    failFirst(1, RetryTest::lost);
    AtomicInteger runs = new AtomicInteger();
    Db db = db(RetryPolicy.none(), THREE);
    ConnectionLostException e = assertThrows(ConnectionLostException.class,
        () -> db.transactionMono(tx -> {
          runs.incrementAndGet();
          return tx.exec(insertUser("Ann")).count();
        }).block());
    assertFalse(e.nothingSent());
    assertEquals(1, runs.get());
  }

  @Test
  void theTransactionsOwnPolicyWinsOverTheDbs() {
    failFirst(1, RetryTest::lostUnsent);
    Db db = db(RetryPolicy.none(), THREE);
    assertThrows(ConnectionLostException.class, () -> db.transactionMono(
        TxOptions.defaults().retry(RetryPolicy.none()),
        tx -> tx.exec(insertUser("Ann")).count()).block());
    assertEquals(1, statements.get());
  }

  @Test
  void aWriteIsRetriedOnASerializationFailure() {
    failFirst(2, RetryTest::conflict);
    assertEquals(1, db(THREE).exec(insertUser("Ann")).count().block());
    assertEquals(3, statements.get());
  }

  @Test
  void nothingIsRetriedOnceARowWasEmitted() {
    driver.respond(op -> {
      statements.incrementAndGet();
      return Mono.just(new ExecResponse.Rows(Flux.concat(Flux.just(userRow(1)),
          Flux.error(lost()))));
    });
    Flux<Object> rows = db(THREE).exec(users(eq(user(1), str("a")))).cast(Object.class);
    assertThrows(ConnectionLostException.class, rows::blockLast);
    assertEquals(1, statements.get());
  }

  @Test
  void retriesRunOutWithTheLastError() {
    failFirst(100, RetryTest::conflict);
    assertThrows(SerializationFailureException.class,
        () -> db(THREE).exec(users(eq(user(1), str("a")))).blockLast());
    assertEquals(4, statements.get());
  }

  @Test
  void noPolicyNoRetryAndRetryingGivesOneToAStatement() {
    failFirst(1, RetryTest::conflict);
    Db db = db(RetryPolicy.none());
    assertThrows(SerializationFailureException.class,
        () -> db.exec(users(eq(user(1), str("a")))).blockLast());
    assertEquals(1, statements.get());
    statements.set(0);
    assertEquals(1, db.retrying(THREE).exec(users(eq(user(1), str("a")))).count().block());
    assertEquals(2, statements.get());
  }

  @Test
  void aTransactionFunctionRunsAgainOnASerializationFailure() {
    failFirst(1, RetryTest::conflict);
    AtomicInteger runs = new AtomicInteger();
    Db db = db(RetryPolicy.none());
    Long n = db.transactionMono(TxOptions.defaults().retry(THREE), tx -> {
      runs.incrementAndGet();
      return tx.exec(users(eq(user(1), str("a")))).count();
    }).block();
    assertEquals(1L, n);
    assertEquals(2, runs.get());
    // each run was a transaction of its own: BEGIN .. ROLLBACK, then BEGIN .. COMMIT
    assertEquals(List.of("BEGIN", "QuerySql", "ROLLBACK", "BEGIN", "QuerySql",
        "COMMIT"), driver.kinds());
  }

  @Test
  void aConnectionLostDuringCommitIsAnUnknownOutcomeAndNeverRetried() {
    driver.respond(op -> op instanceof Operation.Transaction t
        && t.kind() == Operation.Transaction.Kind.COMMIT ? Mono.error(lost()) : null);
    AtomicInteger runs = new AtomicInteger();
    Db db = db(THREE);
    CommitOutcomeUnknownException e = assertThrows(
        CommitOutcomeUnknownException.class,
        () -> db.transactionMono(TxOptions.defaults().retry(THREE), tx -> {
          runs.incrementAndGet();
          return tx.exec(insertUser("a")).count();
        }).block());
    assertFalse(e.isTransient(), "a retry could commit twice");
    assertInstanceOf(ConnectionLostException.class, e.getCause());
    assertTrue(e.getMessage().contains("may or may not have been committed"), e.getMessage());
    assertEquals(1, runs.get(), "the transaction function ran once");
  }

  @Test
  void aCommitThatNeverLeftTheClientIsARollbackAndTheTransactionRunsAgain() {
    AtomicInteger commits = new AtomicInteger();
    driver.respond(op -> op instanceof Operation.Transaction t
        && t.kind() == Operation.Transaction.Kind.COMMIT && commits.incrementAndGet() == 1
        ? Mono.error(lostUnsent()) : null);
    AtomicInteger runs = new AtomicInteger();
    Db db = db(RetryPolicy.none());
    TransactionRolledBackException e = assertThrows(
        TransactionRolledBackException.class,
        () -> db.transactionMono(tx -> {
          runs.incrementAndGet();
          return tx.exec(insertUser("a")).count();
        }).block());
    assertTrue(e.isTransient(), "nothing was committed: safe to run again");
    assertInstanceOf(ConnectionLostException.class, e.getCause());
    assertEquals(ErrorCategory.UNAVAILABLE, e.category());
    assertEquals(1, runs.get());
    commits.set(0);
    runs.set(0);
    // a transaction that emitted nothing before its COMMIT: the retry cannot repeat an item
    db.transactionMono(TxOptions.defaults().retry(THREE), tx -> {
      runs.incrementAndGet();
      return tx.exec(insertUser("b")).then();
    }).block();
    assertEquals(2, runs.get(), "the rolled-back transaction ran again");
    assertEquals(2, commits.get());
  }

  @Test
  void aStatementInATransactionIsNotRetriedOnItsOwn() {
    failFirst(1, RetryTest::lost);
    Db db = db(THREE);
    assertThrows(ConnectionLostException.class, () -> db.transactionMono(tx ->
        tx.exec(users(eq(user(1), str("a")))).count()).block());
    assertEquals(1, statements.get());
  }

  @Test
  void badPoliciesAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
    assertThrows(IllegalArgumentException.class,
        () -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.5));
  }
}
