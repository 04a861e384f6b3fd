package io.toasty.docs.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.reactive.Db;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/** Runs the examples of docs/relations.md. */
class RelationsGuideTest {
  private Db db;

  @BeforeEach
  void open() {
    db = RelationsGuide.open("r2dbc:h2:mem:///relations-guide");
  }

  @AfterEach
  void close() {
    db.close().block();
  }

  @Test
  void theGuideRunsEndToEnd() {
    Author ann = RelationsGuide.nestedCreate(db);
    Author bob = Authors.create().name("Bob").exec(db).block();
    Posts.create().author(bob).reviewerId(ann.id()).title("Bob's").exec(db).block();
    List<Author> authors = RelationsGuide.include(db);
    assertEquals(List.of("Again", "Hello"), authors.get(0).posts().get().stream()
        .map(Post::title).toList());
    assertEquals("First!", authors.get(0).posts().get().get(1).comments().get().get(0).body());
    Post draft = RelationsGuide.scoped(db, ann);
    assertEquals(ann.id(), draft.authorId());
    assertEquals(List.of("Ann"), RelationsGuide.filters(db).stream().map(Author::name).toList());
    List<List<Author>> counts = RelationsGuide.counts(db);
    assertEquals(List.of("Ann"), counts.get(0).stream().map(Author::name).toList());
    assertEquals(List.of("Bob"), counts.get(1).stream().map(Author::name).toList());
    assertEquals("[[Ann,3], [Bob,1], [Ann,0], [Bob,1]]",
        RelationsGuide.aggregates(db).toString());
    Post tagged = RelationsGuide.manyToMany(db, ann);
    assertEquals(List.of("java", "reactive"), tagged.tags().get().stream().map(Tag::label)
        .toList());
    List<Object> via = RelationsGuide.via(db);
    @SuppressWarnings("unchecked")
    List<Author> liked = (List<Author>) via.get(0);
    assertEquals(List.of("Ann"), liked.stream().map(Author::name).toList());
    @SuppressWarnings("unchecked")
    List<Author> loaded = (List<Author>) via.get(1);
    Author annLoaded = loaded.stream().filter(a -> a.name().equals("Ann")).findFirst()
        .orElseThrow();
    assertEquals(List.of("First!"), annLoaded.comments().get().stream().map(Comment::body)
        .toList());
    assertEquals(1L, via.get(2));
    assertEquals(1L, RelationsGuide.delete(db, ann));
    List<Post> left = Posts.all().collect(db).block();
    assertEquals(1, left.size());
    assertEquals(Optional.empty(), left.get(0).reviewerId());
    assertTrue(Comments.all().collect(db).block().isEmpty());
  }

  @Test
  void aSelfRelationIsCountedPerRecord() {
    Engineer ada = Engineers.create().name("Ada").years(12).exec(db).block();
    Engineer bo = Engineers.create().name("Bo").years(4).lead(ada).exec(db).block();
    Engineers.create().name("Cy").years(5).lead(ada).exec(db).block();
    Engineers.create().name("Di").years(2).lead(bo).exec(db).block();
    assertEquals("[[[Ada,2], [Bo,1], [Cy,0], [Di,0]], [[Ada,9], [Bo,2]]]",
        RelationsGuide.selfAggregates(db).toString());
    // the subquery's own table renamed, the outer row named by the table's name (relations.md)
    String plan = db.explain(Engineers.all()
        .select(Engineers.NAME, Engineers.REPORTS.count()).untyped());
    assertTrue(plan.contains("(SELECT COUNT(*) FROM \"engineers\" AS \"toasty_1\" WHERE "
        + "\"lead_id\" = \"engineers\".\"id\")"), plan);
  }

  @Test
  void anIncludeStreamsInsideATransaction() {
    Authors.create().name("Ann").posts(Posts.create().title("Hello"), Posts.create()
        .title("Again")).exec(db).block();
    for (int i = 0; i < 1200; i += 100) {
      List<AuthorCreate> rows = new ArrayList<>();
      for (int j = i; j < i + 100; j++) {
        rows.add(Authors.create().name(String.format("Bob%04d", j)));
      }
      Authors.createMany(rows).exec(db).block();
    }
    List<Integer> counts = RelationsGuide.inTransaction(db);
    assertEquals(1201, counts.size(), "three windows, every author once");
    assertEquals(2, counts.get(0), "Ann first, with her posts");
    assertTrue(counts.subList(1, counts.size()).stream().allMatch(n -> n == 0));
  }

  @Test
  void aPageWithItsRelationsTakesOneConnection() {
    Authors.create().name("Ann").posts(Posts.create().title("Hello")).exec(db).block();
    Authors.create().name("Bob").exec(db).block();
    List<Object> seen = RelationsGuide.oneConnection(db);
    @SuppressWarnings("unchecked")
    List<Author> page = (List<Author>) seen.get(0);
    assertEquals(List.of(1, 0), page.stream().map(a -> a.posts().get().size()).toList());
    String plan = (String) seen.get(1);
    assertTrue(plan.contains("at most $0 parents (when that fits one window"), plan);
    // seen from the pool while the page waits after its first author
    CompletableFuture<Integer> acquired =
        new CompletableFuture<>();
    CompletableFuture<Void> done =
        new CompletableFuture<>();
    Authors.all().orderBy(Authors.NAME.asc()).limit(20).include(Authors.POSTS, Authors.PROFILE)
        .stream(db).subscribe(new BaseSubscriber<Author>() {
          @Override
          protected void hookOnSubscribe(Subscription s) {
            s.request(1);
          }

          @Override
          protected void hookOnNext(Author a) {
            if (acquired.complete(db.poolState().orElseThrow().acquired())) {
              requestUnbounded();
            }
          }

          @Override
          protected void hookOnComplete() {
            done.complete(null);
          }

          @Override
          protected void hookOnError(Throwable e) {
            acquired.completeExceptionally(e);
            done.completeExceptionally(e);
          }
        });
    done.join();
    // one, or none once its last query was read (the records are then in memory); a connection
    // per relation would hold three until the stream ends
    assertTrue(acquired.join() <= 1, "connections held by the page and its two relations: "
        + acquired.join());
  }

  @Test
  void includesUnderLoadCompleteOnASmallPool() {
    List<List<Author>> pages = RelationsGuide.underLoad("r2dbc:h2:mem:///relations-load");
    assertEquals(200, pages.size(), "every request completed and the pool was quiet after");
    pages.forEach(page -> assertEquals(List.of("Hello"),
        page.get(0).posts().get().stream().map(Post::title).toList()));
  }
}
