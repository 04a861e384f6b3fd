package io.toasty.docs.deferred;

import io.toasty.error.DeferredNotLoadedException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.util.Optional;

/** The examples of docs/models.md, "Deferred fields". */
final class DeferredGuide {
  private DeferredGuide() {}

  /** What the example saw: the post as listed, its body loaded later, and the included one. */
  record Seen(Post listed, String later, Post included, Post updated, String error) {}

  static Seen run(String url) {
    Db db = Toasty.builder().models(Posts.MODEL).url(url).build();
    try {
      db.schema().push().block();
      // snippet: deferred-use
      Posts.create().id(1).title("On deferral").body("a very long text")
          .cover(Optional.empty()).exec(db).block();   // written like any field

      Post listed = Posts.getById(db, 1).block();    // SELECT id, title FROM posts ...
      listed.body().isLoaded();                      // false
      String later = listed.body().get(db).block();  // SELECT body ... WHERE id = 1

      Post included = Posts.filterById(1).include(Posts.BODY)   // reads body, not cover
          .get(db).block();
      included.body().get();                         // "a very long text"

      Posts.updateById(1).body("shorter").exec(db).block();
      // end-snippet
      Post updated = Posts.filterById(1).include(Posts.BODY, Posts.COVER).get(db).block();
      String error = null;
      // snippet: deferred-error
      try {
        listed.cover().get();
      } catch (DeferredNotLoadedException e) {       // a NotLoadedException, as for relations
        error = e.getMessage();   // Post.cover: deferred field was not loaded: include it ...
      }
      // end-snippet
      return new Seen(listed, later, included, updated, error);
    } finally {
      db.close().block();
    }
  }
}
