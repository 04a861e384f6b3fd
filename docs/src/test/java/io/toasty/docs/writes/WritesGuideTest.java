package io.toasty.docs.writes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.reactive.Db;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    List<Task> taken = reactor.core.publisher.Flux.range(0, 3)
        .flatMap(i -> WritesGuide.takeTask(db, "w" + i)).collectList().block();
    assertEquals(3, taken.stream().map(Task::id).distinct().count());

    Note note = Notes.create().id(UUID.randomUUID()).text("a").exec(db).block();
    assertEquals(1L, note.version());
    assertEquals(new Note(note.id(), "b", 2), WritesGuide.edit(db, note.id(), "b").block());
    io.toasty.StaleRecordException stale = org.junit.jupiter.api.Assertions.assertThrows(
        io.toasty.StaleRecordException.class, () -> Notes.update(note).text("lost").exec(db)
            .block());
    assertEquals(java.util.Optional.of("Note"), stale.model());
  }
}
