package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Bulk;
import io.toasty.UniqueViolationException;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.reactive.Db;
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
import java.util.List;
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

  @BackendTest
  public void anEmptyStreamSendsNothing(Db db, OperationLog log) {
    assertEquals(List.of(), awaitAll(Users.createAll(Flux.empty()).exec(db)));
    assertEquals(0, log.size());
    assertEquals(0, log.connectionsAcquired());
  }
}
