package io.toasty.docs.vertx;

import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.List;

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

  /** Writes a note and reads every note back, over the Vert.x pool and a cursor. */
  static List<Note> writeAndRead(Db db, String text) {
    return Notes.create().text(text).exec(db)
        .then(Notes.all().collect(db))
        .block();
  }
}
