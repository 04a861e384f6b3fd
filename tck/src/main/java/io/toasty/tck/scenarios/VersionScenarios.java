package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.StaleRecordException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Ticket;
import io.toasty.tck.models.Tickets;
import java.util.List;
import java.util.Optional;
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

  /** Ten concurrent updates of one loaded record: exactly one wins, nine are stale. */
  @BackendTest
  public void ofConcurrentUpdatesFromOneReadExactlyOneWins(Db db) {
    Ticket t = ticket(db, "a");
    List<String> outcomes = await(Flux.range(0, 10)
        .flatMap(i -> Tickets.update(t).title("w" + i).exec(db).map(x -> "won")
            .onErrorResume(StaleRecordException.class, e -> Mono.just("stale")))
        .collectList());
    assertEquals(1, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
    assertEquals(9, outcomes.stream().filter("stale"::equals).count(), outcomes.toString());
    assertEquals(2L, await(Tickets.getById(db, t.id())).version());
  }
}
