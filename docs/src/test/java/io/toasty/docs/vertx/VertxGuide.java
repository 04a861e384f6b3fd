package io.toasty.docs.vertx;

import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.List;
import reactor.core.publisher.Flux;

/** The example of the Vert.x transport section of docs/databases.md, run by VertxGuideTest. */
final class VertxGuide {
  private VertxGuide() {}

  /** A Db on PostgreSQL, MariaDB or MySQL over Vert.x, its tables pushed. */
  static Db open(String url) {
    // snippet: vertx-build
    Db db = Toasty.builder()
        .models(Notes.MODEL)
        .url(url)   // vertx:postgresql://user:secret@host:5432/app?schema=s
                    // or vertx:mariadb://user:secret@host:3306/app
        .build();
    // end-snippet
    db.schema().push().block();
    return db;
  }

  /** A Db that sends one statement per get, pipelined while its pool is saturated. */
  static Db onePerGet(String url) {
    // snippet: vertx-pipelined-build
    Db db = Toasty.builder()
        .models(Notes.MODEL)
        .url(url)              // vertx:postgresql://.. or vertx:mariadb://..
        .poolMaxSize(2)
        .coalesceGets(false)   // one statement per get: no "id IN (..)"
        .pipelineReads(true)   // the default: gets waiting together go in one round trip
        .build();
    // end-snippet
    return db;
  }

  /** Hundreds of gets at once: each its own statement, each answered with its own note. */
  static List<String> manyGets(Db db, List<Long> ids) {
    // snippet: vertx-pipelined-gets
    // while both connections are taken, the gets waiting for one are written together on the
    // next connection that comes back, each its own SELECT, and answered in one round trip
    return Flux.fromIterable(ids)
        .flatMapSequential(id -> Notes.getById(db, id).map(Note::text), 256)
        .collectList()
        .block();
    // end-snippet
  }

  /** Hundreds of collected reads at once, by a text: pipelined as the gets are. */
  static List<List<String>> manyLists(Db db, List<String> texts) {
    // snippet: vertx-pipelined-lists
    // a collected read of any filter waits the same way and goes the same way: its notes are
    // held in one list anyway; each is its own SELECT with its own values
    return Flux.fromIterable(texts)
        .flatMapSequential(text -> Notes.filter(Notes.TEXT.eq(text)).collect(db)
            .map(notes -> notes.stream().map(Note::text).toList()), 256)
        .collectList()
        .block();
    // end-snippet
  }

  /** Writes a note and reads every note back, over the Vert.x pool and a cursor. */
  static List<Note> writeAndRead(Db db, String text) {
    return Notes.create().text(text).exec(db)
        .then(Notes.all().collect(db))
        .block();
  }
}
