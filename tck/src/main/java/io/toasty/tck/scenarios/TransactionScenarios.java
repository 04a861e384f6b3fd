package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Executor;
import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.ToastyException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Tx;
import io.toasty.reactive.TxOptions;
import io.toasty.tck.BackendTest;
import io.toasty.tck.DbOptions;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.function.Tuple2;

/**
 * Transactions: {@code db.transaction(..)} commits on completion and rolls back on error and on
 * cancel; nested transactions are savepoints; isolation and read-only options; the manual form
 * ({@code db.begin()}); the transaction bound in the Reactor Context; one connection per
 * transaction, returned on every path. Each scenario looks at the database and at the
 * connection counts afterwards, not only at the signals.
 */
@Models(Users.class)
@Requires(Need.INTERACTIVE_TRANSACTIONS)
public abstract class TransactionScenarios {

  /**
   * The backends (by {@code Capability.backend()}) that refuse a write inside a read-only
   * transaction. Elsewhere the read-only option is accepted and the write goes through (r2dbc-h2
   * ignores it).
   */
  static final Set<String> ENFORCE_READ_ONLY = Set.of("postgresql", "mysql", "mariadb", "sqlite");

  static Mono<User> create(Executor db, String name) {
    return Users.create().name(name).email(name + "@example.com").exec(db);
  }

  static List<String> names(Db db) {
    return Fixtures.sortedNames(await(Users.all().collect(db)));
  }

  static void allReleased(OperationLog log) {
    Tck.eventually("every connection is released: acquired " + log.connectionsAcquired()
        + ", released " + log.connectionsReleased(), () -> log.connectionsInUse() == 0);
  }

  @BackendTest
  public void aCommittedTransactionIsVisible(Db db, OperationLog log) {
    List<User> created = awaitAll(db.transaction(tx -> Flux.concat(create(tx, "ann"),
        create(tx, "bob"))));
    assertEquals(2, created.size());
    assertEquals(List.of("ann", "bob"), names(db));
    assertEquals(1, log.count(Operation.Transaction.class) / 2, "one BEGIN and one COMMIT");
    allReleased(log);
    assertEquals(0, db.transactionStats().active());
  }

  @BackendTest
  public void transactionMonoEmitsTheCommittedResult(Db db) {
    User ann = await(db.transactionMono(tx -> create(tx, "ann")
        .flatMap(u -> Users.update(u).nickname("a").exec(tx))));
    assertEquals("a", ann.nickname().orElseThrow());
    assertEquals(List.of(ann), Fixtures.allUsers(db));
  }

  @BackendTest
  public void anErrorRollsBackAndIsSignalled(Db db, OperationLog log) {
    IllegalStateException e = failure(IllegalStateException.class, () -> db.transaction(tx ->
        create(tx, "ann").then(create(tx, "bob"))
            .then(Mono.<User>error(new IllegalStateException("changed my mind")))).then());
    assertEquals("changed my mind", e.getMessage());
    assertEquals(List.of(), names(db));
    allReleased(log);
  }

  @BackendTest
  public void aFailedStatementRollsBackTheEarlierOnes(Db db, OperationLog log) {
    Fixtures.user(db, "ann");
    failure(UniqueViolationException.class, () -> db.transaction(tx -> create(tx, "bob")
        .then(Users.create().name("again").email("ann@example.com").exec(tx))).then());
    assertEquals(List.of("ann"), names(db));
    allReleased(log);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 1)
  public void aCancelRollsBackAndReleasesTheConnection(Db db, OperationLog log) {
    awaitAll(db.transaction(tx -> Mono.empty())); // where unsupported, fails here at once
    StepVerifier.create(db.transaction(tx -> create(tx, "ann").then(create(tx, "bob"))
            .thenMany(Flux.never())))
        .expectSubscription()
        .then(() -> Tck.eventually("both inserts ran", () -> log.count(Operation.Insert.class)
            == 2 && !(log.last().outcome() instanceof OperationLog.Outcome.Pending)))
        .thenCancel()
        .verify(Tck.TIMEOUT);
    allReleased(log);
    assertEquals(List.of(), names(db), "a cancelled transaction left its writes");
    Tck.eventually("the rollback is counted", () -> db.transactionStats().cancelled() == 1);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 1)
  public void cancellingMidStreamInATransactionRollsBackItsWrites(Db db, OperationLog log) {
    StreamingScenarios.seed(db, 30);
    StepVerifier.create(db.transaction(tx -> create(tx, "extra")
            .thenMany(Users.all().stream(tx))), 3)
        .expectNextCount(3)
        .thenCancel()
        .verify(Tck.TIMEOUT);
    allReleased(log);
    assertEquals(30, names(db).size());
    assertFalse(names(db).contains("extra"));
  }

  @BackendTest
  public void aFailedCommitIsSignalledRolledBackAndReleased(Db db, OperationLog log) {
    awaitAll(db.transaction(tx -> Mono.empty())); // where unsupported, fails before the fault
    log.failNext(op -> op instanceof Operation.Transaction t
            && t.kind() == Operation.Transaction.Kind.COMMIT,
        new SerializationFailureException(db.capability().backend(), "40001",
            "injected commit failure", null));
    SerializationFailureException e = failure(SerializationFailureException.class,
        () -> db.transaction(tx -> create(tx, "ann")).then());
    assertTrue(e.getMessage().contains("injected commit failure"), e::getMessage);
    allReleased(log);
    assertEquals(List.of(), names(db));
    assertEquals(1, db.transactionStats().rolledBack());
  }

  @BackendTest
  public void aRollbackFailingAfterACancelIsCountedAndTheConnectionReleased(Db db,
      OperationLog log) {
    awaitAll(db.transaction(tx -> Mono.empty())); // where unsupported, fails before the fault
    log.failNext(op -> op instanceof Operation.Transaction t
        && t.kind() == Operation.Transaction.Kind.ROLLBACK,
        new DriverException(db.capability().backend(), "08006", "injected rollback failure",
            null));
    StepVerifier.create(db.transaction(tx -> create(tx, "ann").thenMany(Flux.never())))
        .expectSubscription()
        .then(() -> Tck.eventually("the insert ran", () -> log.count(Operation.Insert.class) == 1
            && !(log.last().outcome() instanceof OperationLog.Outcome.Pending)))
        .thenCancel()
        .verify(Tck.TIMEOUT);
    allReleased(log);
    Tck.eventually("the failed cleanup is counted", () ->
        db.transactionStats().failedCleanups() == 1);
    // the pool rolls back what the failed ROLLBACK left open before reusing the connection
    assertEquals(List.of(), names(db));
  }

  @BackendTest
  @Requires(Need.SAVEPOINTS)
  public void aFailedNestedTransactionRollsBackAloneToItsSavepoint(Db db, OperationLog log) {
    awaitAll(db.transaction(tx -> create(tx, "ann")
        .then(tx.transactionMono(inner -> create(inner, "bob")
                .then(Mono.<User>error(new IllegalStateException("inner fails"))))
            .onErrorResume(IllegalStateException.class, e -> Mono.empty()))
        .then(create(tx, "cid"))));
    assertEquals(List.of("ann", "cid"), names(db));
    assertEquals(1, log.operations(Operation.Transaction.class).stream()
        .filter(t -> t.kind() == Operation.Transaction.Kind.ROLLBACK_TO_SAVEPOINT).count());
    allReleased(log);
  }

  @BackendTest
  @Requires(Need.SAVEPOINTS)
  public void aReleasedNestedTransactionCommitsWithItsOuterOneOrNot(Db db) {
    awaitAll(db.transaction(tx -> tx.transaction(inner -> create(inner, "ann"))));
    assertEquals(List.of("ann"), names(db));
    failure(IllegalStateException.class, () -> db.transaction(tx -> tx.transaction(
            inner -> create(inner, "bob"))
        .then(Mono.error(new IllegalStateException("outer fails")))).then());
    assertEquals(List.of("ann"), names(db), "the outer rollback undoes a released savepoint");
  }

  @BackendTest
  @Requires(Need.SAVEPOINTS)
  public void aFailedWriteCaughtInANestedTransactionLeavesNoneOfItsRows(Db db) {
    // a nested transaction is the portable way to go on after a failed statement: PostgreSQL
    // aborts the whole transaction on any error outside a savepoint
    Fixtures.user(db, "ann");
    awaitAll(db.transaction(tx -> tx.transactionMono(inner -> Users.createMany(List.of(
            Users.create().name("bob").email("bob@example.com"),
            Users.create().name("dup").email("ann@example.com"))).exec(inner))
        .onErrorResume(UniqueViolationException.class, e -> Mono.empty())
        .then(create(tx, "cid"))));
    assertEquals(List.of("ann", "cid"), names(db),
        "a failed multi-row create caught inside a transaction left part of its rows");
  }

  /**
   * Every level the backend keeps runs, read-write and read-only; a stronger one (Neo4j keeps
   * read committed only) is refused with {@code Feature.ISOLATION_LEVEL} before BEGIN is sent,
   * rather than run weaker than asked.
   */
  @BackendTest
  public void everyIsolationLevelAndReadOnlyAreAcceptedOrRefusedExactly(Db db, Capability cap,
      OperationLog log) {
    Fixtures.user(db, "ann");
    Set<Operation.Transaction.Isolation> kept =
        EnumSet.noneOf(Operation.Transaction.Isolation.class);
    for (TxOptions.Isolation level : TxOptions.Isolation.values()) {
      TxOptions options = TxOptions.defaults().isolation(level);
      Operation.Transaction.Isolation asSent =
          Operation.Transaction.Isolation.valueOf(level.name());
      if (!cap.keepsIsolation(asSent)) {
        isolationRefused(() -> db.transaction(options, tx -> Users.all().stream(tx)).then());
        isolationRefused(() -> db.transactionMono(options.readOnly(), tx -> create(tx, "bob")));
        isolationRefused(() -> db.begin(options));
        continue;
      }
      kept.add(asSent);
      assertEquals(List.of("ann"), Fixtures.sortedNames(awaitAll(db.transaction(options,
          tx -> Users.all().stream(tx)))), level.name());
      assertEquals(List.of("ann"), Fixtures.sortedNames(awaitAll(db.transaction(
          options.readOnly(), tx -> Users.all().stream(tx)))), level + ", read-only");
      User bob = await(db.transactionMono(options, tx -> create(tx, "bob" + level.ordinal())));
      await(Users.delete(bob).exec(db));
    }
    List<Operation.Transaction> begins = log.operations(Operation.Transaction.class).stream()
        .filter(t -> t.kind() == Operation.Transaction.Kind.BEGIN).toList();
    assertEquals(kept, begins.stream().map(Operation.Transaction::isolation)
        .filter(i -> i != null).collect(Collectors.toSet()), "the levels sent with BEGIN");
    assertTrue(begins.stream().anyMatch(Operation.Transaction::readOnly));
    assertEquals(List.of("ann"), names(db), "a refused transaction wrote");
    allReleased(log);
  }

  private static void isolationRefused(Supplier<? extends Mono<?>> work) {
    assertEquals(Feature.ISOLATION_LEVEL,
        failure(UnsupportedFeatureException.class, work).feature());
  }

  @BackendTest
  public void aWriteInAReadOnlyTransactionFailsWhereTheBackendEnforcesIt(Db db, Capability cap,
      OperationLog log) {
    Mono<User> write = db.transactionMono(TxOptions.defaults().readOnly(),
        tx -> create(tx, "ann"));
    if (ENFORCE_READ_ONLY.contains(cap.backend())) {
      ToastyException e = failure(ToastyException.class, () -> write);
      assertInstanceOf(DriverException.class, e, e.toString());
      assertEquals(List.of(), names(db));
    } else {
      assertEquals("ann", await(write).name());
      assertEquals(List.of("ann"), names(db));
    }
    allReleased(log);
  }

  @BackendTest
  public void aManualTransactionCommitsOrRollsBack(Db db, OperationLog log) {
    Tx tx = await(db.begin());
    await(create(tx, "ann"));
    await(create(tx, "bob"));
    await(tx.commit());
    assertFalse(tx.isOpen());
    assertEquals(List.of("ann", "bob"), names(db));

    Tx undo = await(db.begin(TxOptions.readCommitted()));
    await(create(undo, "cid"));
    await(undo.rollback());
    assertEquals(List.of("ann", "bob"), names(db));

    Tx closed = await(db.begin());
    await(create(closed, "dan"));
    await(closed.close());
    assertEquals(List.of("ann", "bob"), names(db));
    failure(IllegalStateException.class, closed::commit);
    failure(IllegalStateException.class, () -> create(closed, "eve"));
    allReleased(log);
  }

  @BackendTest
  public void aManualTransactionWorksWithUsingWhen(Db db, OperationLog log) {
    User ann = await(Mono.usingWhen(db.begin(), tx -> create(tx, "ann"),
        Tx::commit, (tx, e) -> tx.rollback(), Tx::rollback));
    failure(IllegalStateException.class, () -> Mono.usingWhen(db.begin(),
        tx -> create(tx, "bob").then(Mono.error(new IllegalStateException("no"))),
        Tx::commit, (tx, e) -> tx.rollback(), Tx::rollback));
    assertEquals(List.of(ann), Fixtures.allUsers(db));
    allReleased(log);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 1)
  public void execOnTheDbJoinsTheTransactionInTheContext(Db db, OperationLog log) {
    // with one pooled connection, a second connection would wait for ever: this must join
    awaitAll(db.transaction(tx -> create(db, "ann").then(create(db, "bob"))));
    assertEquals(List.of("ann", "bob"), names(db));
    allReleased(log);
    int before = log.connectionsAcquired();
    failure(IllegalStateException.class, () -> db.transaction(tx -> create(db, "cid")
        .then(Mono.error(new IllegalStateException("undo")))).then());
    assertEquals(List.of("ann", "bob"), names(db), "the Db's statement was not in the transaction");
    assertEquals(before + 2, log.connectionsAcquired(), "one for the transaction, one to check");
    allReleased(log);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 1)
  public void concurrentStatementsOnOneTransactionAreSerialized(Db db, OperationLog log) {
    StreamingScenarios.seed(db, 20);
    Tuple2<List<User>, List<User>> both = await(db.transactionMono(tx -> Mono.zip(
        Users.all().collect(tx),
        Flux.merge(create(tx, "x1"), create(tx, "x2"), create(tx, "x3")).collectList())));
    assertEquals(3, both.getT2().size());
    assertEquals(23, names(db).size());
    allReleased(log);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 1)
  public void writingWhileReadingAStreamInOneTransactionDoesNotDeadlock(Db db, OperationLog log) {
    StreamingScenarios.seed(db, 50);
    List<User> renamed = await(db.transaction(tx -> Users.all().stream(tx)
            .concatMap(u -> Users.update(u).nickname("seen").exec(tx)))
        .collectList().timeout(Duration.ofSeconds(15)));
    assertEquals(50, renamed.size());
    assertTrue(await(Users.all().collect(db)).stream()
        .allMatch(u -> u.nickname().equals(Optional.of("seen"))));
    allReleased(log);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 2)
  public void transactionsOnAPoolOfTwoEachHoldOneConnection(Db db, OperationLog log) {
    List<User> created = awaitAll(Flux.range(0, 12).flatMap(i ->
        db.transaction(tx -> create(tx, "u" + i).flatMap(u -> Users.update(u).loginCount(i)
            .exec(tx))), 6));
    assertEquals(12, created.size());
    assertEquals(12, names(db).size());
    assertEquals(12, db.transactionStats().committed());
    allReleased(log);
  }
}
