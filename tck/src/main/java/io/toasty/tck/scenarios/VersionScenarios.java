package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Operation;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.StaleRecordException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.stmt.Query;
import io.toasty.tck.BackendTest;
import io.toasty.tck.ConcurrencyRounds;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Ticket;
import io.toasty.tck.models.Tickets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Optimistic locking with a {@code @Version} field: 1 on create, bumped by every update, checked
 * by updates and deletes of a loaded record, which fail with {@link StaleRecordException} and
 * write nothing when it moved on.
 */
@Models(Tickets.class)
public abstract class VersionScenarios {

  private static Ticket ticket(Db db, String title) {
    return await(Tickets.create().id(UUID.randomUUID()).title(title).exec(db));
  }

  @BackendTest
  public void aCreatedRecordStartsAtVersionOne(Db db) {
    assertEquals(1L, ticket(db, "a").version());
  }

  @BackendTest
  public void aVersionSetOnCreateIsKept(Db db) {
    assertEquals(7L, await(Tickets.create().id(UUID.randomUUID()).title("a").version(7)
        .exec(db)).version());
  }

  @BackendTest
  public void anInstanceUpdateChecksAndBumpsTheVersion(Db db) {
    Ticket t = ticket(db, "a");
    Ticket t2 = await(Tickets.update(t).title("b").exec(db));
    assertEquals(new Ticket(t.id(), "b", 2), t2);
    Ticket t3 = await(Tickets.update(t2).title("c").exec(db));
    assertEquals(new Ticket(t.id(), "c", 3), t3);
  }

  @BackendTest
  public void aComputedUpdateChecksAndBumpsTheVersion(Db db) {
    Ticket t = ticket(db, "a");
    Ticket t2 = await(Tickets.update(t).set(Tickets.TITLE, Tickets.TITLE.upper()).exec(db));
    assertEquals(new Ticket(t.id(), "A", 2), t2);
    failure(StaleRecordException.class,
        () -> Tickets.update(t).set(Tickets.TITLE, Tickets.TITLE.lower()).exec(db));
    assertEquals(t2, await(Tickets.getById(db, t.id())));
  }

  @BackendTest
  public void aStaleInstanceUpdateFailsAndWritesNothing(Db db) {
    Ticket t = ticket(db, "a");
    await(Tickets.update(t).title("b").exec(db));
    StaleRecordException e = failure(StaleRecordException.class,
        () -> Tickets.update(t).title("lost").exec(db));
    assertEquals(Optional.of("Ticket"), e.model());
    assertTrue(e.getMessage().contains(t.id().toString()), e.getMessage());
    assertEquals(new Ticket(t.id(), "b", 2), await(Tickets.getById(db, t.id())));
  }

  @BackendTest
  public void aStaleInstanceDeleteFailsAndDeletesNothing(Db db) {
    Ticket t = ticket(db, "a");
    await(Tickets.update(t).title("b").exec(db));
    StaleRecordException e = failure(StaleRecordException.class,
        () -> Tickets.delete(t).exec(db));
    assertEquals(Optional.of("Ticket"), e.model());
    assertEquals(new Ticket(t.id(), "b", 2), await(Tickets.getById(db, t.id())));
  }

  @BackendTest
  public void aCurrentInstanceDeleteDeletes(Db db) {
    Ticket t = ticket(db, "a");
    assertEquals(1L, await(Tickets.delete(t).exec(db)));
    assertEquals(Optional.empty(), await(Tickets.filterById(t.id()).first(db).map(Optional::of)
        .defaultIfEmpty(Optional.empty())));
  }

  @BackendTest
  public void anUpdateOfADeletedRecordIsStale(Db db) {
    Ticket t = ticket(db, "a");
    await(Tickets.deleteById(t.id()).exec(db));
    failure(StaleRecordException.class, () -> Tickets.update(t).title("b").exec(db));
  }

  @BackendTest
  public void updatesByKeyBumpTheVersionToo(Db db) {
    Ticket t = ticket(db, "a");
    assertEquals(1L, await(Tickets.updateById(t.id()).title("b").exec(db)));
    assertEquals(1L, await(Tickets.updateById(t.id()).title("c").exec(db)));
    assertEquals(new Ticket(t.id(), "c", 3), await(Tickets.getById(db, t.id())));
    failure(StaleRecordException.class, () -> Tickets.update(t).title("lost").exec(db));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void bulkUpdatesBumpEveryVersion(Db db) {
    Ticket a = ticket(db, "a");
    Ticket b = ticket(db, "b");
    await(Tickets.update(a).title("a2").exec(db));
    assertEquals(2L, await(Tickets.all().update().title("x").exec(db)));
    assertEquals(3L, await(Tickets.getById(db, a.id())).version());
    assertEquals(2L, await(Tickets.getById(db, b.id())).version());
  }

  @BackendTest
  public void anUpsertStartsAtOneAndBumpsOnItsUpdatePath(Db db) {
    UUID id = UUID.randomUUID();
    assertEquals(1L, await(Tickets.upsert().id(id).title("a").exec(db)).version());
    assertEquals(new Ticket(id, "b", 2), await(Tickets.upsert().id(id).title("b").exec(db)));
    assertEquals(new Ticket(id, "b", 2), await(Tickets.upsert().id(id).title("c")
        .ignoreConflict().exec(db)));
  }

  // ---- writes at a version a caller sent (updateByIdAtVersion, deleteByIdAtVersion) ----------

  @BackendTest
  public void anUpdateAtTheStoredVersionUpdatesInOneWrite(Db db, OperationLog log) {
    Ticket t = ticket(db, "a");
    log.clear();
    assertEquals(new Ticket(t.id(), "b", 2),
        await(Tickets.updateByIdAtVersion(t.id(), 1).title("b").exec(db)));
    assertEquals(1, writes(log), log::toString);
    assertEquals(new Ticket(t.id(), "c", 3),
        await(Tickets.updateByIdAtVersion(t.id(), 2).title("c").exec(db)));
  }

  @BackendTest
  public void anUpdateAtAnotherVersionIsStaleNamesTheStoredOneAndWritesNothing(Db db,
      OperationLog log) {
    Ticket t = ticket(db, "a");
    await(Tickets.update(t).title("b").exec(db));
    log.clear();
    StaleRecordException e = failure(StaleRecordException.class,
        () -> Tickets.updateByIdAtVersion(t.id(), 1).title("lost").exec(db));
    assertEquals(Optional.of("Ticket"), e.model());
    assertEquals(OptionalLong.of(2), e.storedVersion());
    assertTrue(e.getMessage().contains(t.id().toString()) && e.getMessage().contains("version 2"),
        e.getMessage());
    // One conditional write (none where the plan reads the key under a row lock first: MariaDB,
    // which cannot return rows from an update), never a second one.
    assertTrue(writes(log) <= 1, log::toString);
    assertEquals(new Ticket(t.id(), "b", 2), await(Tickets.getById(db, t.id())));
  }

  @BackendTest
  public void anUpdateAtAVersionOfNoRecordIsNotFound(Db db) {
    Ticket t = ticket(db, "a");
    await(Tickets.deleteById(t.id()).exec(db));
    RecordNotFoundException e = failure(RecordNotFoundException.class,
        () -> Tickets.updateByIdAtVersion(t.id(), 1).title("b").exec(db));
    assertEquals(Optional.of("Ticket"), e.model());
    assertTrue(e.getMessage().contains(t.id().toString()), e.getMessage());
    assertEquals(0L, await(Tickets.all().filter(Tickets.ID.eq(t.id())).count(db)));
  }

  @BackendTest
  public void aDeleteAtAVersionDeletesOnlyAtThatVersion(Db db) {
    Ticket t = ticket(db, "a");
    await(Tickets.update(t).title("b").exec(db));
    StaleRecordException stale = failure(StaleRecordException.class,
        () -> Tickets.deleteByIdAtVersion(t.id(), 1).exec(db));
    assertEquals(OptionalLong.of(2), stale.storedVersion());
    assertEquals(new Ticket(t.id(), "b", 2), await(Tickets.getById(db, t.id())));
    assertEquals(1L, await(Tickets.deleteByIdAtVersion(t.id(), 2).exec(db)));
    failure(RecordNotFoundException.class,
        () -> Tickets.deleteByIdAtVersion(t.id(), 2).exec(db));
  }

  @BackendTest
  public void updatesAtAVersionInABatchAreCheckedToo(Db db) {
    Ticket a = ticket(db, "a");
    Ticket b = ticket(db, "b");
    var both = await(Toasty.batch(
        Tickets.updateByIdAtVersion(a.id(), 1).title("a2"),
        Tickets.updateByIdAtVersion(b.id(), 1).title("b2")).exec(db));
    assertEquals(List.of(new Ticket(a.id(), "a2", 2), new Ticket(b.id(), "b2", 2)),
        List.of(both.getT1(), both.getT2()));
  }

  /**
   * Ten concurrent updates at the version one client read: exactly one wins, nine are stale
   * (naming the winner's version), and the stored record is the winner's.
   */
  @BackendTest
  public void ofConcurrentUpdatesAtOneVersionExactlyOneWins(Db db) {
    Ticket t = ticket(db, "a");
    List<String> outcomes = await(Flux.range(0, 10)
        .flatMap(i -> Tickets.updateByIdAtVersion(t.id(), 1).title("w" + i).exec(db)
            .map(Ticket::title)
            .onErrorResume(StaleRecordException.class,
                e -> Mono.just("stale at " + e.storedVersion().orElse(-1))))
        .collectList());
    List<String> won = outcomes.stream().filter(o -> !o.startsWith("stale")).toList();
    assertEquals(1, won.size(), outcomes::toString);
    assertEquals(9, outcomes.stream().filter(o -> o.equals("stale at 2")).count(),
        outcomes::toString);
    assertEquals(new Ticket(t.id(), won.get(0), 2), await(Tickets.getById(db, t.id())));
  }

  /** The writes (updates, deletes) the log holds: an update or delete statement, or by key. */
  private static long writes(OperationLog log) {
    return log.operations().stream().filter(o -> o instanceof Operation.UpdateByKey
        || o instanceof Operation.DeleteByKey || o instanceof Operation.QuerySql q
        && !(q.statement() instanceof Query)).count();
  }

  /**
   * Ten concurrent updates of one loaded record: exactly one wins, nine are stale, and the stored
   * record is the winner's. Once in CI; {@link ConcurrencyRounds} repeats it.
   */
  @BackendTest
  public void ofConcurrentUpdatesFromOneReadExactlyOneWins(Db db) {
    long start = System.nanoTime();
    int rounds = ConcurrencyRounds.of(1);
    List<String> wrong = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Ticket t = ticket(db, "a");
      List<String> outcomes = await(Flux.range(0, 10)
          .flatMap(i -> Tickets.update(t).title("w" + i).exec(db).map(Ticket::title)
              .onErrorResume(StaleRecordException.class, e -> Mono.just("stale")))
          .collectList());
      List<String> won = outcomes.stream().filter(o -> !o.equals("stale")).toList();
      Ticket stored = await(Tickets.getById(db, t.id()));
      if (won.size() != 1 || outcomes.size() != 10
          || !stored.equals(new Ticket(t.id(), won.get(0), 2))) {
        wrong.add(outcomes + " stored " + stored);
      }
    }
    ConcurrencyRounds.report("@Version update of one read, 10 at once", db, rounds, wrong.size(),
        start);
    assertEquals(List.of(), wrong);
  }
}
