package io.toasty.docs.writes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.error.RecordNotFoundException;
import io.toasty.error.StaleRecordException;
import io.toasty.reactive.Db;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Runs the examples of docs/writes.md and checks what they store. */
class WritesGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = WritesGuide.open("r2dbc:h2:mem:///writes-guide");
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void theGuideRunsAsWritten() {
    UUID id = UUID.randomUUID();
    assertEquals("Ann", WritesGuide.saveVisitor(db, id, "ann@example.com", "Ann").block().name());
    Visitor renamed = WritesGuide.saveVisitor(db, id, "ann@example.com", "Anna").block();
    assertEquals(new Visitor(id, "ann@example.com", "Anna", 0), renamed);

    assertEquals(1, WritesGuide.countVisit(db, "bob@example.com", "Bob").block().visits());
    Visitor bob = WritesGuide.countVisit(db, "bob@example.com", "Bobby").block();
    assertEquals(2, bob.visits());
    assertEquals("Bobby", bob.name());

    assertEquals(bob, WritesGuide.firstNameWins(db, "bob@example.com", "Rob").block());
    assertEquals("Cid", WritesGuide.firstNameWins(db, "cid@example.com", "Cid").block().name());

    List<Visitor> imported = WritesGuide.importVisitors(db, List.of(
        Visitors.create().id(UUID.randomUUID()).email("bob@example.com").name("Bob"),
        Visitors.create().id(UUID.randomUUID()).email("dan@example.com").name("Dan"))).block();
    assertEquals(List.of(bob.id(), imported.get(1).id()),
        imported.stream().map(Visitor::id).toList());
    assertEquals(List.of(3, 0), imported.stream().map(Visitor::visits).toList());
    assertEquals(4, Visitors.all().collect(db).block().size());

    for (int i = 0; i < 3; i++) {
      Tasks.create().id(UUID.randomUUID()).seq(i).done(false).exec(db).block();
    }
    List<Task> taken = Flux.range(0, 3)
        .flatMap(i -> WritesGuide.takeTask(db, "w" + i)).collectList().block();
    assertEquals(3, taken.stream().map(Task::id).distinct().count());

    Note note = Notes.create().id(UUID.randomUUID()).text("a").exec(db).block();
    assertEquals(1L, note.version());
    assertEquals(new Note(note.id(), "b", 2), WritesGuide.edit(db, note.id(), "b").block());
    StaleRecordException stale = Assertions.assertThrows(
        StaleRecordException.class, () -> Notes.update(note).text("lost").exec(db)
            .block());
    assertEquals(Optional.of("Note"), stale.model());
  }

  @Test
  void writesAtASentVersion() {
    Note note = Notes.create().id(UUID.randomUUID()).text("a").exec(db).block();
    assertEquals(new Note(note.id(), "b", 2), WritesGuide.patch(db, note.id(), 1, "b").block());
    StaleRecordException stale = Assertions.assertThrows(
        StaleRecordException.class,
        () -> WritesGuide.patch(db, note.id(), 1, "lost").block());
    assertEquals(OptionalLong.of(2), stale.storedVersion());
    Assertions.assertThrows(RecordNotFoundException.class,
        () -> WritesGuide.patch(db, UUID.randomUUID(), 1, "x").block());
    assertEquals(1L, WritesGuide.remove(db, note.id(), 2).block());
    Assertions.assertThrows(RecordNotFoundException.class,
        () -> WritesGuide.remove(db, note.id(), 2).block());
  }

  @Test
  void mutationResultsCountMatchedAndChangedApart() {
    for (int i = 0; i < 3; i++) {
      Tasks.create().id(UUID.randomUUID()).seq(i).done(i == 0).worker("w").exec(db).block();
    }
    assertEquals("2 finished, 1 already done", WritesGuide.finishAll(db, "w").block());
    assertEquals("0 finished, 3 already done", WritesGuide.finishAll(db, "w").block());
    assertEquals("no tasks of x", WritesGuide.finishAll(db, "x").block());

    Note note = Notes.create().id(UUID.randomUUID()).text("a").exec(db).block();
    assertEquals(true, WritesGuide.saveIfCurrent(db, note, "b").block());
    assertEquals(false, WritesGuide.saveIfCurrent(db, note, "c").block());
    assertEquals(new Note(note.id(), "b", 2), Notes.getById(db, note.id()).block());
  }

  @Test
  void timestampsFollowTheDbsClock() {
    SteppingClock clock = new SteppingClock(Instant.parse("2026-03-04T05:06:07.123456789Z"));
    Db stamped = WritesGuide.openWithClock("r2dbc:h2:mem:///writes-guide-clock", clock);
    try {
      UUID id = UUID.randomUUID();
      Draft d = WritesGuide.writeTwice(stamped, id).block();
      // one reading per statement, truncated to microseconds; the update read the next one
      assertEquals(Instant.parse("2026-03-04T05:06:07.123456Z"), d.createdAt());
      assertEquals(Instant.parse("2026-03-04T05:07:07.123456Z"), d.updatedAt());
      assertEquals(d, Drafts.getById(stamped, id).block());
    } finally {
      stamped.close().block();
    }
  }

  @Test
  void databaseTimeComesFromTheServer() {
    Db stamped = WritesGuide.openWithDatabaseTime("r2dbc:h2:mem:///writes-guide-db-time");
    try {
      UUID id = UUID.randomUUID();
      Draft d = WritesGuide.writeTwice(stamped, id).block();
      Assertions.assertFalse(d.updatedAt().isBefore(d.createdAt()));
      assertEquals(d, Drafts.getById(stamped, id).block());
    } finally {
      stamped.close().block();
    }
  }

  /** A clock that moves on by a minute with every reading. */
  private static final class SteppingClock extends Clock {
    private Instant next;

    SteppingClock(Instant first) {
      this.next = first;
    }

    @Override
    public synchronized Instant instant() {
      Instant now = next;
      next = next.plus(Duration.ofMinutes(1));
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
