package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static io.toasty.tck.scenarios.RelationFixtures.article;
import static io.toasty.tck.scenarios.RelationFixtures.author;
import static io.toasty.tck.scenarios.RelationFixtures.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Operation;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Article;
import io.toasty.tck.models.ArticleCreate;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.AuthorCreate;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comment;
import io.toasty.tck.models.CommentCreate;
import io.toasty.tck.models.Comments;
import io.toasty.tck.models.Rack;
import io.toasty.tck.models.Racks;
import io.toasty.tck.models.Tray;
import io.toasty.tck.models.Trays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * Preloading: a matrix of relation kinds and nullability, nested, filtered and ordered
 * includes, and the number of operations each costs: one per relation level, whatever the number
 * of parents (no N+1).
 */
@Models({Authors.class, Articles.class, Comments.class, Bios.class, Racks.class, Trays.class})
public abstract class PreloadScenarios {

  /** Three authors; ann has two articles with comments, bob one edited by ann, cy none. */
  static List<Author> data(Db db) {
    Author ann = author(db, "ann");
    Author bob = author(db, "bob");
    Author cy = author(db, "cy");
    Article a1 = article(db, ann, "a1", 3);
    Article a2 = article(db, ann, "a2", 7);
    Article b1 = await(Articles.create().author(bob).editor(ann).title("b1").votes(5).exec(db));
    comment(db, a1, "nice", 1);
    comment(db, a1, "meh", 0);
    comment(db, a2, "wow", 9);
    comment(db, b1, "ok", 2);
    await(ann.bio().create(Bios.create()).text("ann's bio").exec(db));
    return List.of(ann, bob, cy);
  }

  @BackendTest
  public void matrixOfKindsAndNullability(Db db, OperationLog log) {
    data(db);
    log.clear();
    List<Article> articles = sortedBy(await(Articles.all()
        .include(Articles.AUTHOR, Articles.EDITOR, Articles.COMMENTS).collect(db)), Article::title);
    assertEquals(4, log.size(), "one query for the articles and one per relation: " + log);
    assertEquals(List.of("ann", "ann", "bob"), articles.stream()
        .map(a -> a.author().get().name()).toList());
    assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.of("ann")), articles
        .stream().map(a -> a.editor().get().map(Author::name)).toList());
    assertEquals(List.of(2, 1, 1), articles.stream().map(a -> a.comments().get().size())
        .toList());
    log.clear();
    List<Author> authors = sortedBy(await(Authors.all()
        .include(Authors.ARTICLES, Authors.EDITED, Authors.BIO).collect(db)), Author::name);
    assertEquals(4, log.size(), log.toString());
    assertEquals(List.of(2, 1, 0), authors.stream().map(a -> a.articles().get().size())
        .toList());
    assertEquals(List.of(1, 0, 0), authors.stream().map(a -> a.edited().get().size()).toList());
    assertEquals(List.of(true, false, false), authors.stream()
        .map(a -> a.bio().get().isPresent()).toList());
  }

  /**
   * Each parent's children come in key order, whatever order the database holds them in. Here
   * ann's articles are written under bob and moved to her newest first: PostgreSQL puts each
   * moved row at the end of its heap (a new version, as an indexed column changed), so a read
   * without ORDER BY finds hers newest first. The child query has no ORDER BY; the merge sorts.
   */
  @BackendTest
  public void childrenComeInKeyOrderWhateverTheStorageOrder(Db db) {
    Author ann = author(db, "ann");
    Author bob = author(db, "bob");
    List<UUID> annIds = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      annIds.add(article(db, bob, "a" + i, i).id());
      article(db, bob, "b" + i, i);
    }
    for (int i = annIds.size() - 1; i >= 0; i--) {
      await(Articles.updateById(annIds.get(i)).authorId(ann.id()).exec(db));
    }
    List<Author> authors = sortedBy(await(Authors.all()
        .include(Authors.ARTICLES).collect(db)), Author::name);
    assertEquals(annIds, authors.get(0).articles().get().stream().map(Article::id).toList());
    List<UUID> bobIds = authors.get(1).articles().get().stream().map(Article::id).toList();
    assertEquals(bobIds.stream().sorted().toList(), bobIds);
    assertEquals(6, bobIds.size());
  }

  /**
   * The same with integral keys, and the children of two parents stored interleaved: trays 1 to
   * 8 on racks 1 and 2 in turn, then trays 9 to 12 written on rack 2 and moved to rack 1 newest
   * first, which PostgreSQL writes as new row versions after the others (12, 11, 10, 9). Each
   * rack's trays come in key order, and each tray is on its own rack, whichever order the rows
   * arrived in.
   */
  @BackendTest
  public void integralKeysComeInKeyOrderWhateverTheStorageOrder(Db db) {
    for (long rack = 1; rack <= 3; rack++) {
      await(Racks.create().id(rack).name("rack" + rack).exec(db));
    }
    for (long id = 1; id <= 12; id++) {
      await(Trays.create().id(id).rackId(id > 8 ? 2 : 2 - id % 2).label("t" + id).exec(db));
    }
    for (long id = 12; id > 8; id--) {
      await(Trays.updateById(id).rackId(1).exec(db));
    }
    List<Rack> racks = sortedBy(await(Racks.all().include(Racks.TRAYS).collect(db)), Rack::name);
    assertEquals(List.of(1L, 3L, 5L, 7L, 9L, 10L, 11L, 12L), racks.get(0).trays().get().stream()
        .map(Tray::id).toList());
    assertEquals(List.of("t1", "t3", "t5", "t7", "t9", "t10", "t11", "t12"), racks.get(0).trays()
        .get().stream().map(Tray::label).toList());
    assertEquals(List.of(2L, 4L, 6L, 8L), racks.get(1).trays().get().stream().map(Tray::id)
        .toList());
    assertEquals(List.of(), racks.get(2).trays().get());
    for (Rack rack : racks) {
      for (Tray tray : rack.trays().get()) {
        assertEquals(rack.id(), tray.rackId(), "tray " + tray.id());
        assertFalse(tray.rack().isLoaded());
      }
    }
  }

  @BackendTest
  public void nestedToAnyDepth(Db db, OperationLog log) {
    data(db);
    log.clear();
    List<Author> authors = sortedBy(await(Authors.all()
        .include(Authors.ARTICLES.then(Articles.COMMENTS.then(Comments.ARTICLE
            .then(Articles.EDITOR)))).collect(db)), Author::name);
    assertEquals(5, log.size(), "one query per level: " + log);
    Article a1 = authors.get(0).articles().get().get(0);
    assertEquals(List.of("nice", "meh"), a1.comments().get().stream().map(Comment::body)
        .toList());
    assertEquals("a1", a1.comments().get().get(0).article().get().title());
    assertEquals(Optional.empty(), a1.comments().get().get(0).article().get().editor().get());
    assertFalse(a1.author().isLoaded());
  }

  @BackendTest
  public void filteredAndOrderedIncludes(Db db, OperationLog log) {
    data(db);
    log.clear();
    List<Author> authors = sortedBy(await(Authors.all()
        .include(Authors.ARTICLES.filter(Articles.VOTES.gt(4)).orderBy(Articles.VOTES.desc())
            .then(Articles.COMMENTS.orderBy(Comments.LIKES.desc()))).collect(db)), Author::name);
    assertEquals(3, log.size(), log.toString());
    assertEquals(List.of("a2"), authors.get(0).articles().get().stream().map(Article::title)
        .toList());
    assertEquals(List.of("b1"), authors.get(1).articles().get().stream().map(Article::title)
        .toList());
    assertEquals(List.of(), authors.get(2).articles().get());
    List<Author> ordered = await(Authors.filter(Authors.NAME.eq("ann"))
        .include(Authors.ARTICLES.orderBy(Articles.VOTES.desc())
            .then(Articles.COMMENTS.orderBy(Comments.LIKES.asc()))).collect(db));
    assertEquals(List.of("a2", "a1"), ordered.get(0).articles().get().stream()
        .map(Article::title).toList());
    assertEquals(List.of("meh", "nice"), ordered.get(0).articles().get().get(1).comments().get()
        .stream().map(Comment::body).toList());
  }

  @BackendTest
  public void oneQueryPerLevelWhateverTheNumberOfParents(Db db, OperationLog log) {
    List<AuthorCreate> authorRows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      authorRows.add(Authors.create().name("author" + i));
    }
    List<ArticleCreate> articleRows = new ArrayList<>();
    for (Author a : await(Authors.createMany(authorRows).exec(db))) {
      for (int j = 0; j < 3; j++) {
        articleRows.add(Articles.create().author(a).title(a.name() + "-" + j).votes(j));
      }
    }
    // Written in batches within any backend's atomic write (DynamoDB: 100 items).
    List<CommentCreate> commentRows = new ArrayList<>();
    for (int from = 0; from < articleRows.size(); from += 60) {
      for (Article ar : await(Articles.createMany(articleRows.subList(from, from + 60))
          .exec(db))) {
        commentRows.add(Comments.create().article(ar).body("c").likes(ar.votes()));
      }
    }
    for (int from = 0; from < commentRows.size(); from += 60) {
      await(Comments.createMany(commentRows.subList(from, from + 60)).exec(db));
    }
    log.clear();
    List<Author> authors = await(Authors.all().include(Authors.ARTICLES
        .then(Articles.COMMENTS)).collect(db));
    assertEquals(60, authors.size());
    assertEquals(3, log.size(), "N+1 would be 241 operations: " + log.size());
    assertEquals(3, log.count(db.capability().sql() ? Operation.QuerySql.class
        : Operation.class));
    assertTrue(authors.stream().allMatch(a -> a.articles().get().size() == 3
        && a.articles().get().stream().allMatch(ar -> ar.comments().get().size() == 1)));
  }

  @BackendTest
  public void includeOfNoParentsRunsNoChildQuery(Db db, OperationLog log) {
    data(db);
    log.clear();
    assertEquals(List.of(), await(Authors.filter(Authors.NAME.eq("nobody"))
        .include(Authors.ARTICLES, Authors.BIO).collect(db)));
    assertEquals(1, log.size());
  }

  @BackendTest
  public void firstAndGetKeepTheIncludes(Db db) {
    List<Author> d = data(db);
    Author ann = await(Authors.filterById(d.get(0).id()).include(Authors.ARTICLES).get(db));
    assertEquals(2, ann.articles().get().size());
  }

  /** {@code n} authors named {@code author0000..}, each with one article; in key order. */
  static List<Author> authorsWithAnArticle(Db db, int n) {
    List<Author> out = new ArrayList<>(n);
    for (int from = 0; from < n; from += 100) {
      List<AuthorCreate> rows = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + 100); i++) {
        rows.add(Authors.create().name(String.format("author%04d", i)));
      }
      List<Author> created = await(Authors.createMany(rows).exec(db));
      List<ArticleCreate> articles = new ArrayList<>();
      created.forEach(a -> articles.add(Articles.create().author(a).title(a.name()).votes(1)));
      await(Articles.createMany(articles).exec(db));
      out.addAll(created);
    }
    return out;
  }

  /**
   * Inside a transaction (one connection) an include reads its parents in keyset windows of
   * the include's window (500): each window's parents, then their children, then the next
   * window after the last key read. 1,100 authors are three windows, two queries each.
   */
  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void insideATransactionParentsAreReadInKeysetWindows(Db db, OperationLog log) {
    List<Author> all = authorsWithAnArticle(db, 1100);
    log.clear();
    List<Author> read = Tck.awaitAll(db.transaction(tx -> Authors.all()
        .include(Authors.ARTICLES).stream(tx)));
    assertEquals(all.stream().map(Author::id).sorted().toList(),
        read.stream().map(Author::id).toList(), "every author once, in key order");
    assertTrue(read.stream().allMatch(a -> a.articles().get().size() == 1
        && a.articles().get().get(0).title().equals(a.name())));
    if (db.capability().sql()) { // the windows' statements; DynamoDB reads its own way
      assertEquals(6, log.count(Operation.QuerySql.class), "three windows of parents, each with "
          + "one query of their children: " + log);
    }
  }

  /** The walk keeps the query's order and limit: the same records as outside a transaction. */
  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void insideATransactionWindowsKeepOrderAndLimit(Db db, OperationLog log) {
    authorsWithAnArticle(db, 1100);
    List<String> expected = await(Authors.all().orderBy(Authors.NAME.desc()).limit(700)
        .offset(3).include(Authors.ARTICLES).collect(db)).stream().map(Author::name).toList();
    assertEquals(700, expected.size());
    assertEquals("author1096", expected.get(0));
    log.clear();
    List<Author> read = Tck.awaitAll(db.transaction(tx -> Authors.all()
        .orderBy(Authors.NAME.desc()).limit(700).offset(3).include(Authors.ARTICLES)
        .stream(tx)));
    assertEquals(expected, read.stream().map(Author::name).toList());
    assertTrue(read.stream().allMatch(a -> a.articles().get().size() == 1));
    if (db.capability().sql()) {
      assertEquals(4, log.count(Operation.QuerySql.class), "windows of 500 and 200: " + log);
    }
  }

  /**
   * A write issued while the windows stream does not wait for them to be consumed: the walk
   * reads its remaining windows at once and hands the connection on, so the authors created
   * meanwhile are not read (the stream ends, as a single query's would). An optimistic
   * transaction (DynamoDB) commits at most {@code maxAtomicWriteItems} items read and written
   * together, so there the walk is one of 30 authors: the write still runs while the records
   * stream, and the authors it creates are still not read.
   */
  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void aWriteWhileTheWindowsStreamRunsAfterThem(Db db) {
    int authors = db.capability().interactiveTransactions() ? 600 : 30;
    authorsWithAnArticle(db, authors);
    List<Author> created = Tck.awaitAll(db.transaction(tx -> Authors.all()
        .include(Authors.ARTICLES).stream(tx)
        .concatMap(a -> Authors.create().name("copy of " + a.name()).exec(tx))));
    assertEquals(authors, created.size());
    assertEquals(2L * authors, (long) await(Authors.all().count(db)));
  }
  /**
   * Parents that end within two windows (900 here, more than one window of 500) are read first
   * and their children by one query per relation for all of them, as a hand-written pair of
   * queries: two statements' round trips, not three. Where the backend has no statements (a
   * has-many on DynamoDB reads each parent's index), the records are checked.
   */
  @BackendTest
  public void parentsWithinTwoWindowsHaveTheirChildrenReadByOneQuery(Db db, OperationLog log) {
    List<Author> all = authorsWithAnArticle(db, 900);
    log.clear();
    List<Author> read = await(Authors.all().include(Authors.ARTICLES).collect(db));
    assertEquals(all.stream().map(Author::id).sorted().toList(),
        read.stream().map(Author::id).sorted().toList(), "every author once");
    assertTrue(read.stream().allMatch(a -> a.articles().get().size() == 1
        && a.articles().get().get(0).title().equals(a.name())), "each with its article");
    if (db.capability().sql()) {
      assertEquals(2, log.count(Operation.QuerySql.class), "the authors, then every author's "
          + "articles in one query: " + log);
    }
  }

  /**
   * Parents that the query itself keeps within one window (a limit, one key) take one pooled
   * connection, not one more per relation: their children are read after them on the same
   * connection, as a hand-written pair of queries would. A page of a WebFlux service's list
   * thus costs the pool what a plain query costs. Seen from the pool while the include waits
   * after its first record; DynamoDB has no pool (its client sends each request on its own), so
   * there only the records are checked.
   */
  @BackendTest
  public void parentsWithinOneWindowTakeOnePooledConnection(Db db, OperationLog log) {
    Author ann = data(db).get(0);
    Map<String, Integer> articles = Map.of("ann", 2, "bob", 1, "cy", 0);
    log.clear();
    List<Author> page = heldWhilePaused(db, Authors.all().limit(2)
        .include(Authors.ARTICLES, Authors.BIO).stream(db));
    assertEquals(2, page.size());
    page.forEach(a -> assertEquals(articles.get(a.name()), a.articles().get().size(), a.name()));
    assertEquals(3, log.size(), "the page, its articles, its bios: " + log);
    List<Author> one = heldWhilePaused(db, Authors.filter(Authors.ID.eq(ann.id()))
        .include(Authors.ARTICLES, Authors.BIO).stream(db));
    assertEquals(List.of(2), one.stream().map(a -> a.articles().get().size()).toList());
    assertEquals("ann's bio", one.get(0).bio().get().orElseThrow().text());
  }

  /**
   * {@code rows}' records, requested one at a time: after the first, the pool (where the backend
   * has one) holds at most one connection for them (none once the last query has been read: the
   * records are then all in memory). Taking a connection per relation, it would hold three
   * until the end of the stream.
   */
  private static <T> List<T> heldWhilePaused(Db db, Flux<T> rows) {
    List<T> out = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> first = new CompletableFuture<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    BaseSubscriber<T> paused = new BaseSubscriber<>() {
      @Override
      protected void hookOnSubscribe(Subscription s) {
        s.request(1);
      }

      @Override
      protected void hookOnNext(T row) {
        out.add(row);
        first.complete(null);
      }

      @Override
      protected void hookOnError(Throwable e) {
        first.completeExceptionally(e);
        done.completeExceptionally(e);
      }

      @Override
      protected void hookOnComplete() {
        first.complete(null);
        done.complete(null);
      }
    };
    rows.subscribe(paused);
    first.orTimeout(60, TimeUnit.SECONDS).join();
    db.poolState().ifPresent(p -> assertTrue(p.acquired() <= 1, "connections held: " + p));
    paused.requestUnbounded();
    done.orTimeout(60, TimeUnit.SECONDS).join();
    return List.copyOf(out);
  }
}
