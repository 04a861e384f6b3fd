package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Bulk;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.stmt.UpdateNode;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Doc;
import io.toasty.tck.models.Docs;
import io.toasty.tck.models.User;
import io.toasty.tck.models.UserCreate;
import io.toasty.tck.models.Users;
import io.toasty.value.Value;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;

/**
 * Bulk streams ({@code Users.createAll(..)}, {@code Bulk.execAll(..)}): any number of writes in
 * chunks, results in order, each chunk atomic, backpressure up to the source, and a cancel or a
 * failure leaving only whole chunks.
 */
@Models({Users.class, Docs.class})
public abstract class BulkStreamScenarios {

  private static Flux<UserCreate> users(String prefix, int count) {
    return Flux.range(0, count).map(i -> Users.create().name(prefix + i)
        .email(prefix + i + "@example.com"));
  }

  @BackendTest
  public void createAllStreamsEveryRecordInOrder(Db db) {
    List<Doc> docs = awaitAll(Docs.createAll(Flux.range(0, 1_000)
        .map(i -> Docs.create().title("d" + i))).exec(db));
    assertEquals(1_000, docs.size());
    for (int i = 0; i < docs.size(); i++) {
      assertEquals("d" + i, docs.get(i).title());
    }
    assertEquals(1_000, await(Docs.all().collect(db)).size());
  }

  @BackendTest
  public void eachChunkIsOneInsert(Db db, OperationLog log, Capability capability) {
    assertEquals(30, awaitAll(Users.createAll(users("u", 30)).chunkSize(7).exec(db)).size());
    if (capability.multiRowInsert()) {
      assertEquals(5, log.count(Operation.Insert.class), log::toString);
    }
    assertEquals(30, Fixtures.allUsers(db).size());
  }

  @BackendTest
  public void aFailingChunkLeavesTheChunksBeforeIt(Db db) {
    // row 12 takes row 2's email: chunks [0..4] and [5..9] are stored, [10..14] is not
    Flux<UserCreate> creates = users("u", 15)
        .index((i, c) -> i == 12 ? Users.create().name("again").email("u2@example.com") : c);
    failure(UniqueViolationException.class,
        () -> Users.createAll(creates).chunkSize(5).exec(db).then());
    assertEquals(10, Fixtures.allUsers(db).size());
  }

  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void theWholeStreamInOneTransaction(Db db) {
    Flux<UserCreate> creates = users("u", 15)
        .index((i, c) -> i == 14 ? Users.create().name("again").email("u0@example.com") : c);
    failure(UniqueViolationException.class, () -> db.transaction(
        tx -> Users.createAll(creates).chunkSize(5).exec(tx)).then());
    assertEquals(List.of(), Fixtures.allUsers(db));
  }

  @BackendTest
  public void aCancelLeavesOnlyWholeChunksAndStopsTheSource(Db db) {
    AtomicInteger made = new AtomicInteger();
    Flux<UserCreate> creates = users("c", 10_000).doOnNext(c -> made.incrementAndGet());
    List<User> some = awaitAll(Users.createAll(creates).chunkSize(10).exec(db).take(23));
    assertEquals(23, some.size());
    long stored = Fixtures.allUsers(db).size();
    assertEquals(0, stored % 10, () -> stored + " records: a chunk was stored in part");
    assertTrue(stored >= 30 && stored <= 50, () -> stored + " records stored");
    assertTrue(made.get() <= 60, () -> made.get() + " creates pulled from the source");
  }

  @BackendTest
  public void updatesAndDeletesByKeyStreamInChunks(Db db) {
    List<User> all = awaitAll(Users.createAll(users("k", 12)).exec(db));
    List<Long> updated = awaitAll(Bulk.execAll(Flux.fromIterable(all)
        .map(u -> Users.updateById(u.id()).loginCount(5))).chunkSize(5).exec(db));
    assertEquals(12, updated.size());
    assertTrue(updated.stream().allMatch(n -> n == 1L));
    assertTrue(Fixtures.allUsers(db).stream().allMatch(u -> u.loginCount() == 5));
    List<Long> deleted = awaitAll(Bulk.execAll(Flux.fromIterable(all).take(7)
        .map(u -> Users.deleteById(u.id()))).chunkSize(5).exec(db));
    assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L), deleted);
    assertEquals(5, Fixtures.allUsers(db).size());
  }

  /**
   * A fault on the write of the 8th user ({@code eighth}, in the second chunk of five): the SQL
   * UPDATE that carries its key (its own statement, or its chunk's one statement where a batch's
   * updates by key go together: docs/batches.md), the 8th key write of a transaction that sends
   * each by itself, or the 2nd chunk of a backend that sends each chunk as one atomic request.
   */
  private static void failTheSecondChunk(OperationLog log, UUID eighth) {
    AtomicInteger writes = new AtomicInteger();
    Value key = new Value.Uuid(eighth);
    log.failNext(op -> op instanceof Operation.Atomic ? writes.incrementAndGet() == 2
        : op instanceof Operation.QuerySql q ? q.statement() instanceof UpdateNode
            && q.args().contains(key)
        : op instanceof Operation.UpdateByKey && writes.incrementAndGet() == 8,
        new DriverException("tck", null, "injected into the second chunk", null));
  }

  @BackendTest
  public void aFailingUpdateChunkIsRolledBackWholeAndStopsTheStream(Db db, OperationLog log) {
    List<User> all = awaitAll(Users.createAll(users("f", 12)).exec(db));
    failTheSecondChunk(log, all.get(7).id());
    failure(DriverException.class, () -> Bulk.execAll(Flux.fromIterable(all)
        .map(u -> Users.updateById(u.id()).loginCount(7))).chunkSize(5).exec(db).then());
    List<String> updated = Fixtures.allUsers(db).stream().filter(u -> u.loginCount() == 7)
        .map(User::name).sorted().toList();
    // the first chunk stays; the second is rolled back whole (any update of it sent before
    // the 8th's too); the third is never sent
    assertEquals(List.of("f0", "f1", "f2", "f3", "f4"), updated);
  }

  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void anUpdateStreamInOneTransactionIsAllOrNothing(Db db, OperationLog log) {
    List<User> all = awaitAll(Users.createAll(users("t", 12)).exec(db));
    failTheSecondChunk(log, all.get(7).id());
    failure(DriverException.class, () -> db.transaction(tx -> Bulk.execAll(Flux.fromIterable(all)
        .map(u -> Users.updateById(u.id()).loginCount(7))).chunkSize(5).exec(tx)).then());
    assertTrue(Fixtures.allUsers(db).stream().allMatch(u -> u.loginCount() == 0));
  }

  /** The generated {@code Users.updateAll}: each record as stored, in order, a batch a chunk. */
  @BackendTest
  public void updateAllStreamsEachUpdatedRecordInOrder(Db db, OperationLog log,
      Capability capability) {
    List<User> all = awaitAll(Users.createAll(users("o", 12)).exec(db));
    log.clear();
    List<User> updated = awaitAll(Users.updateAll(Flux.fromIterable(all).index()
        .map(t -> Users.update(t.getT2()).loginCount(100 + t.getT1().intValue())))
        .chunkSize(5).exec(db));
    assertEquals(12, updated.size());
    for (int i = 0; i < 12; i++) {
      assertEquals(all.get(i).id(), updated.get(i).id());
      assertEquals(100 + i, updated.get(i).loginCount());
    }
    long units = capability.interactiveTransactions() ? log.operations(Operation.Transaction.class)
        .stream().filter(t -> t.kind() == Operation.Transaction.Kind.BEGIN).count()
        : log.count(Operation.Atomic.class);
    assertEquals(3, units, () -> "one batch per chunk of 5, 5 and 2: " + log);
    assertEquals(List.of(1L), awaitAll(Users.updateAll(Flux.just(
        Users.updateById(all.get(6).id()).name("six"))).exec(db)));
    assertEquals("six", await(Users.getById(db, all.get(6).id())).name());
  }

  @BackendTest
  public void aCancelledUpdateAllLeavesOnlyWholeChunks(Db db) {
    List<User> all = awaitAll(Users.createAll(users("w", 40)).exec(db));
    List<Long> some = awaitAll(Users.updateAll(Flux.fromIterable(all)
        .map(u -> Users.updateById(u.id()).loginCount(9))).chunkSize(5).exec(db).take(7));
    assertEquals(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L), some);
    long updated = Fixtures.allUsers(db).stream().filter(u -> u.loginCount() == 9).count();
    assertEquals(0, updated % 5, () -> updated + " updated: a chunk was applied in part");
    assertTrue(updated >= 10 && updated <= 20, () -> updated + " updated");
  }

  /** The generated {@code Users.deleteAll}, of instance deletes. */
  @BackendTest
  public void aCancelledDeleteStreamLeavesOnlyWholeChunks(Db db) {
    List<User> all = awaitAll(Users.createAll(users("d", 40)).exec(db));
    AtomicInteger pulled = new AtomicInteger();
    List<Long> some = awaitAll(Users.deleteAll(Flux.fromIterable(all)
        .doOnNext(u -> pulled.incrementAndGet())
        .map(Users::delete)).chunkSize(5).exec(db).take(7));
    assertEquals(7, some.size());
    long deleted = 40 - Fixtures.allUsers(db).size();
    assertEquals(0, deleted % 5, () -> deleted + " deleted: a chunk was applied in part");
    assertTrue(deleted >= 10 && deleted <= 20, () -> deleted + " deleted");
    assertTrue(pulled.get() <= 25, () -> pulled.get() + " statements pulled from the source");
  }

  @BackendTest
  public void nonAtomicChunksStoreEveryRecordOnceInOrder(Db db, OperationLog log) {
    List<Doc> docs = awaitAll(Docs.createAll(Flux.range(0, 500)
        .map(i -> Docs.create().title("n" + i))).chunkSize(60).nonAtomic().exec(db));
    assertEquals(500, docs.size());
    for (int i = 0; i < docs.size(); i++) {
      assertEquals("n" + i, docs.get(i).title());
    }
    List<Operation.Insert> inserts = log.operations(Operation.Insert.class);
    assertTrue(inserts.stream().noneMatch(op -> op.statement().atomic()),
        "every key is generated and no field is unique: the rows cannot collide");
    List<Doc> stored = await(Docs.all().collect(db));
    assertEquals(500, stored.size());
    assertEquals(500, stored.stream().map(Doc::id).distinct().count());
  }

  @BackendTest
  public void nonAtomicChunksThatCouldCollideStayAtomic(Db db, OperationLog log) {
    // Users have a unique email: a row may collide, so each chunk stays all or nothing
    Flux<UserCreate> creates = users("u", 15)
        .index((i, c) -> i == 12 ? Users.create().name("again").email("u2@example.com") : c);
    failure(UniqueViolationException.class,
        () -> Users.createAll(creates).chunkSize(5).nonAtomic().exec(db).then());
    assertTrue(log.operations(Operation.Insert.class).stream()
        .allMatch(op -> op.statement().atomic()));
    assertEquals(10, Fixtures.allUsers(db).size());
  }

  @BackendTest
  public void anEmptyStreamSendsNothing(Db db, OperationLog log) {
    assertEquals(List.of(), awaitAll(Users.createAll(Flux.empty()).exec(db)));
    assertEquals(0, log.size());
    assertEquals(0, log.connectionsAcquired());
  }
}
