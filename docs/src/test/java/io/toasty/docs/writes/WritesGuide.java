package io.toasty.docs.writes;

import io.toasty.error.StaleRecordException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** The examples of {@code docs/writes.md}, run by {@link WritesGuideTest}. */
final class WritesGuide {
  private WritesGuide() {}

  static Db open(String url) {
    Db db = Toasty.builder().models(Visitors.MODEL, Tasks.MODEL, Notes.MODEL, Drafts.MODEL)
        .url(url).build();
    db.schema().push().block();
    return db;
  }

  // snippet: writes-upsert-key
  static Mono<Visitor> saveVisitor(Db db, UUID id, String email, String name) {
    return Visitors.upsert().id(id).email(email).name(name).exec(db);
  }
  // end-snippet

  // snippet: writes-upsert-unique
  static Mono<Visitor> countVisit(Db db, String email, String name) {
    return Visitors.upsert().id(UUID.randomUUID()).email(email).name(name)
        .onConflict(Visitors.EMAIL)                                  // default: the key
        .onCreate(c -> c.visits(1))                                  // create path only
        .onUpdate(u -> u.visits(Visitors.VISITS.plus(1)))            // update path only
        .exec(db);
  }
  // end-snippet

  // snippet: writes-upsert-ignore
  static Mono<Visitor> firstNameWins(Db db, String email, String name) {
    return Visitors.upsert().id(UUID.randomUUID()).email(email).name(name)
        .onConflict(Visitors.EMAIL)
        .ignoreConflict()          // a stored visitor is kept as it is, and returned
        .exec(db);
  }
  // end-snippet

  // snippet: writes-upsert-many
  static Mono<List<Visitor>> importVisitors(Db db, List<VisitorCreate> rows) {
    return Visitors.upsertMany(rows)
        .onConflict(Visitors.EMAIL)
        .onUpdate(u -> u.visits(Visitors.VISITS.plus(1)))
        .exec(db);                 // one statement; the stored records, in order
  }
  // end-snippet

  // snippet: writes-queue
  static Mono<Task> takeTask(Db db, String worker) {
    return db.transactionMono(tx -> Tasks.filter(Tasks.DONE.eq(false))
        .orderBy(Tasks.SEQ.asc()).limit(1)
        .forUpdate().skipLocked()          // rows other workers hold are left out
        .first(tx)
        .flatMap(task -> Tasks.update(task).done(true).worker(worker).exec(tx)));
  }
  // end-snippet

  // snippet: writes-version-edit
  static Mono<Note> edit(Db db, UUID id, String text) {
    return Notes.getById(db, id)
        .flatMap(note -> Notes.update(note).text(text).exec(db))   // checks note.version()
        .retryWhen(Retry.max(3).filter(StaleRecordException.class::isInstance));
  }
  // end-snippet

  // snippet: writes-version-sent
  /** A PATCH whose client sends the version it read (an If-Match header, a field of the body). */
  static Mono<Note> patch(Db db, UUID id, long readVersion, String text) {
    return Notes.updateByIdAtVersion(id, readVersion)   // WHERE id = ? AND version = ?
        .text(text)
        .exec(db);     // the note as stored (version readVersion + 1), or:
                       // StaleRecordException (storedVersion()): someone else's write came first
                       // RecordNotFoundException: no note has this id
  }

  static Mono<Long> remove(Db db, UUID id, long readVersion) {
    return Notes.deleteByIdAtVersion(id, readVersion).exec(db);   // 1, or the same errors
  }
  // end-snippet

  // snippet: writes-mutation-result
  static Mono<String> finishAll(Db db, String worker) {
    return Tasks.filter(Tasks.WORKER.eq(worker)).update().done(true).result(db)
        .map(r -> r.noneMatched() ? "no tasks of " + worker
            : r.changed() + " finished, " + r.unchanged() + " already done");
  }
  // end-snippet

  // snippet: writes-mutation-instance
  static Mono<Boolean> saveIfCurrent(Db db, Note note, String text) {
    return Notes.update(note).text(text).result(db)
        .map(r -> r.matched() == 1);     // false: stale (version moved on) or deleted
  }
  // end-snippet

  // snippet: writes-clock
  static Db openWithClock(String url, Clock clock) {
    Db db = Toasty.builder().models(Drafts.MODEL).url(url)
        .clock(clock)                   // default: Clock.systemUTC()
        .build();
    db.schema().push().block();
    return db;
  }
  // end-snippet

  // snippet: writes-database-time
  static Db openWithDatabaseTime(String url) {
    Db db = Toasty.builder().models(Drafts.MODEL).url(url)
        .databaseTime()                 // CURRENT_TIMESTAMP(6) and kin; DynamoDB: the clock
        .build();
    db.schema().push().block();
    return db;
  }
  // end-snippet

  // snippet: writes-timestamps-use
  static Mono<Draft> writeTwice(Db db, UUID id) {
    return Drafts.create().id(id).title("first").exec(db)     // createdAt = updatedAt = now
        .flatMap(d -> Drafts.update(d).title("second").exec(db));  // updatedAt, etag renewed
  }
  // end-snippet
}
