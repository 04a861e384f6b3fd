package io.toasty.docs.hooks;

import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.hook.Hook;
import reactor.core.publisher.Mono;

/** The examples of {@code docs/hooks.md}, run by {@link HooksGuideTest}. */
final class HooksGuide {
  private HooksGuide() {}

  static Db open(String url) {
    // snippet: hooks-register
    Db db = Toasty.builder()
        .models(Posts.MODEL, AuditEntries.MODEL)
        // a veto: the create fails with this error, and nothing is written
        .hook(Posts.MODEL, Hook.beforeCreate((tx, post) -> post.title().isBlank()
            ? Mono.error(new IllegalArgumentException("a post needs a title"))
            : Mono.empty()))
        // a write in the statement's transaction: stored with the post, or not at all
        .hook(Posts.MODEL, Hook.afterCreate((tx, post) -> AuditEntries.create()
            .what("created " + post.id()).exec(tx).then()))
        .hook(Posts.MODEL, Hook.beforeDelete((tx, post) -> post.pinned()
            ? Mono.error(new IllegalStateException("unpin '" + post.title() + "' first"))
            : Mono.empty()))
        .url(url)
        .build();
    // end-snippet
    db.schema().push().block();
    return db;
  }

  // snippet: hooks-use
  static Mono<Long> publishAndTidy(Db db) {
    return Posts.create().title("Hello").pinned(false).exec(db)      // + an audit entry
        .then(Posts.create().title("Rules").pinned(true).exec(db))   // + an audit entry
        .then(Posts.filter(Posts.TITLE.eq("Hello")).delete().exec(db)); // before-delete: ok
  }
  // end-snippet
}
