package io.toasty.docs.pagination;

import io.toasty.CursorKey;
import io.toasty.Page;
import io.toasty.PageQuery;
import io.toasty.error.InvalidCursorException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/** The examples of {@code docs/pagination.md}, run by {@link PaginationGuideTest}. */
final class PaginationGuide {
  private PaginationGuide() {}

  static Db open(String url, String secret) {
    // snippet: page-cursor-key
    Db db = Toasty.builder()
        .models(Posts.MODEL)
        .url(url)
        // the same secret on every instance: a cursor from one is accepted by the others
        .cursorKey(CursorKey.of(secret.getBytes(StandardCharsets.UTF_8)))
        .build();
    // end-snippet
    db.schema().push().block();
    return db;
  }

  static void posts(Db db, int count) {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      Posts.create().author(i % 2 == 0 ? "ann" : "bob").title("post " + i)
          .topic(i % 3 == 0 ? null : "topic " + (i % 3))
          .createdAt(t0.plusSeconds(i / 2 * 60)).exec(db).block();   // two posts a minute: ties
    }
  }

  static Page<Post> firstPage(Db db) {
    // snippet: page-first
    Mono<Page<Post>> page = Posts.all()
        .orderBy(Posts.CREATED_AT.desc())   // newest first; ties broken by the key
        .paginate(20)
        .collect(db);
    // end-snippet
    return page.block();
  }

  // snippet: page-next
  static Mono<Page<Post>> olderPosts(Db db, String cursor) {
    return Posts.all().orderBy(Posts.CREATED_AT.desc()).paginate(20)
        .after(cursor)          // null: the first page, as a missing query parameter reads
        .collect(db);
  }
  // end-snippet

  // snippet: page-previous
  static Mono<Page<Post>> newerPosts(Db db, String cursor) {
    return Posts.all().orderBy(Posts.CREATED_AT.desc()).paginate(20)
        .before(cursor)         // the page before, its posts still newest first
        .collect(db);
  }
  // end-snippet

  static List<Post> everyPost(Db db) {
    // snippet: page-walk
    List<Post> all = new ArrayList<>();
    PageQuery<Post> query = Posts.filter(Posts.AUTHOR.eq("ann"))
        .orderBy(Posts.TOPIC.asc()).thenBy(Posts.CREATED_AT.desc())   // nullable, mixed
        .paginate(10);
    Page<Post> page = query.collect(db).block();
    all.addAll(page.items());
    while (page.hasNext()) {
      page = query.after(page.next().get()).collect(db).block();
      all.addAll(page.items());
    }
    // end-snippet
    return all;
  }

  // snippet: page-index
  static Mono<Page<Post>> postsBy(Db db, String author, String cursor) {
    return Posts.filter(Posts.AUTHOR.eq(author))     // the index's field fixed
        .orderBy(Posts.CREATED_AT.desc())              // by the index's sort key
        .paginate(20)
        .after(cursor)
        .collect(db);
  }
  // end-snippet

  static String indexPagePlan(Db db) {
    // snippet: page-index-plan
    String plan = db.explain(Posts.filter(Posts.AUTHOR.eq("ann"))
        .orderBy(Posts.CREATED_AT.desc()).limit(21).untyped());   // a page of 20 and one more
    // ... plan (MIR, capability dynamodb)
    //    %0 FindPkByIndex posts.posts_author_idx where posts.author = $0 items from the index
    //       (eventually consistent) columns (id, author, title, topic, created_at) descending
    //    %1 Limit %0 count $1
    // end-snippet
    return plan;
  }

  // snippet: page-bad-cursor
  static Mono<Page<Post>> pageOrBadRequest(Db db, String cursor) {
    return olderPosts(db, cursor)
        .onErrorMap(InvalidCursorException.class,
            e -> new IllegalArgumentException("bad cursor, start again", e));   // HTTP 400
  }
  // end-snippet

  static Post oldest(Db db) {
    // snippet: page-last
    Mono<Post> oldest = Posts.all().orderBy(Posts.CREATED_AT.desc()).last(db);
    // end-snippet
    return oldest.block();
  }

  static Page<Post> numbered(Db db) {
    // snippet: page-offset
    Mono<Page<Post>> third = Posts.all().orderBy(Posts.CREATED_AT.desc())
        .page(2, 20)            // page 2 (from 0) of 20 posts: skips 40
        .withTotal()            // and counts every post: page.total()
        .collect(db);
    // end-snippet
    return third.block();
  }
}
