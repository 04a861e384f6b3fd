package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.scenarios.RelationFixtures.article;
import static io.toasty.tck.scenarios.RelationFixtures.author;
import static io.toasty.tck.scenarios.RelationFixtures.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.RelationInclude;
import io.toasty.driver.Operation;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Article;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Channel;
import io.toasty.tck.models.Channels;
import io.toasty.tck.models.Charters;
import io.toasty.tck.models.Comment;
import io.toasty.tck.models.Comments;
import io.toasty.tck.models.Episode;
import io.toasty.tck.models.Episodes;
import io.toasty.tck.models.Medals;
import io.toasty.tck.models.Org;
import io.toasty.tck.models.Orgs;
import io.toasty.tck.models.Squad;
import io.toasty.tck.models.Squads;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A limit and offset per parent on an included relation ("each author with their three best
 * articles"): one query per level for the whole window of parents, whatever the limit.
 */
@Models({Authors.class, Articles.class, Comments.class, Bios.class, Orgs.class, Squads.class,
    Medals.class, Charters.class, Channels.class, Episodes.class})
public abstract class IncludeLimitScenarios {

  /** ann: five articles (votes 1..5), bob: two (votes 7, 6), cy: none. */
  static List<Author> fixture(Db db) {
    Author ann = author(db, "ann");
    Author bob = author(db, "bob");
    Author cy = author(db, "cy");
    for (int v : List.of(3, 1, 5, 2, 4)) {
      article(db, ann, "a" + v, v);
    }
    article(db, bob, "b7", 7);
    article(db, bob, "b6", 6);
    return List.of(ann, bob, cy);
  }

  static Map<String, List<String>> titlesByAuthor(List<Author> authors) {
    return authors.stream().collect(Collectors.toMap(Author::name,
        a -> a.articles().get().stream().map(Article::title).toList()));
  }

  /** Every author with {@code include}, in exactly two reads: the authors, their articles. */
  static List<Author> inTwoReads(Db db, OperationLog log, RelationInclude<Author, ?> include) {
    log.clear();
    List<Author> authors = await(Authors.all().include(include).collect(db));
    assertEquals(2, log.size(), "authors, then their articles in one query: " + log);
    return authors;
  }

  @BackendTest
  @Requires(Need.INCLUDE_LIMIT)
  public void topArticlesPerAuthorInOneQueryPerLevel(Db db, OperationLog log) {
    fixture(db);
    List<Author> authors = inTwoReads(db, log,
        Authors.ARTICLES.orderBy(Articles.VOTES.desc()).limit(3));
    assertEquals(Map.of("ann", List.of("a5", "a4", "a3"), "bob", List.of("b7", "b6"),
        "cy", List.of()), titlesByAuthor(authors));
  }

  @BackendTest
  @Requires(Need.INCLUDE_LIMIT)
  public void offsetAndLimitPagePerAuthor(Db db, OperationLog log) {
    fixture(db);
    List<Author> authors = inTwoReads(db, log,
        Authors.ARTICLES.orderBy(Articles.VOTES.asc()).offset(1).limit(2));
    assertEquals(Map.of("ann", List.of("a2", "a3"), "bob", List.of("b7"), "cy", List.of()),
        titlesByAuthor(authors));
    List<Author> rest = await(Authors.all()
        .include(Authors.ARTICLES.orderBy(Articles.VOTES.asc()).offset(4)).collect(db));
    assertEquals(Map.of("ann", List.of("a5"), "bob", List.of(), "cy", List.of()),
        titlesByAuthor(rest));
  }

  @BackendTest
  @Requires(Need.INCLUDE_LIMIT)
  public void limitWithoutAnOrderTakesTheFirstByKey(Db db) {
    List<Author> made = fixture(db);
    List<Author> authors = await(Authors.filterById(made.get(0).id())
        .include(Authors.ARTICLES.limit(2)).collect(db));
    List<String> byKey = await(made.get(0).articles().orderBy(Articles.ID.asc()).limit(2)
        .collect(db)).stream().map(Article::title).toList();
    assertEquals(byKey, authors.get(0).articles().get().stream().map(Article::title).toList());
    List<Author> none = await(Authors.all().include(Authors.ARTICLES.limit(0)).collect(db));
    assertEquals(Map.of("ann", List.of(), "bob", List.of(), "cy", List.of()),
        titlesByAuthor(none));
  }

  @BackendTest
  @Requires(Need.INCLUDE_LIMIT)
  public void limitAfterTheIncludesFilter(Db db) {
    fixture(db);
    List<Author> authors = await(Authors.all().include(Authors.ARTICLES
        .filter(Articles.VOTES.lt(5)).orderBy(Articles.VOTES.desc()).limit(2)).collect(db));
    assertEquals(Map.of("ann", List.of("a4", "a3"), "bob", List.of(), "cy", List.of()),
        titlesByAuthor(authors));
  }

  @BackendTest
  @Requires(Need.INCLUDE_LIMIT)
  public void limitsAtTwoLevels(Db db, OperationLog log) {
    List<Author> made = fixture(db);
    Article a5 = await(made.get(0).articles().filter(Articles.VOTES.eq(5)).first(db));
    for (int likes : List.of(2, 9, 4)) {
      comment(db, a5, "c" + likes, likes);
    }
    log.clear();
    List<Author> authors = await(Authors.all().include(Authors.ARTICLES
        .orderBy(Articles.VOTES.desc()).limit(1)
        .then(Articles.COMMENTS.orderBy(Comments.LIKES.desc()).limit(2))).collect(db));
    assertEquals(3, log.size(), "authors, articles, comments: " + log);
    Map<String, Author> byName = authors.stream()
        .collect(Collectors.toMap(Author::name, Function.identity()));
    Article top = byName.get("ann").articles().get().get(0);
    assertEquals("a5", top.title());
    assertEquals(List.of("c9", "c4"), top.comments().get().stream().map(Comment::body).toList());
    assertEquals(List.of("b7"), byName.get("bob").articles().get().stream()
        .map(Article::title).toList());
  }

  /** Partitioned by a composite foreign key: orgs sharing a code keep their own squads. */
  @BackendTest
  @Requires(Need.INCLUDE_LIMIT)
  public void limitPerParentOverACompositeKey(Db db) {
    Org eu = await(Orgs.create().region("eu").code("acme").name("eu").exec(db));
    Org us = await(Orgs.create().region("us").code("acme").name("us").exec(db));
    int rank = 0;
    for (Org o : List.of(eu, us)) {
      for (String n : List.of("red", "blue", "green")) {
        await(o.squads().create(Squads.create()).code(o.region() + n).name(n).rank(++rank)
            .exec(db));
      }
    }
    List<Org> orgs = await(Orgs.all()
        .include(Orgs.SQUADS.orderBy(Squads.RANK.desc()).limit(2)).collect(db)).stream()
        .sorted(Comparator.comparing(Org::region)).toList();
    assertEquals(List.of("green", "blue"), orgs.get(0).squads().get().stream()
        .map(Squad::name).toList());
    assertEquals(List.of("green", "blue"), orgs.get(1).squads().get().stream()
        .map(Squad::name).toList());
    assertEquals(List.of(3, 2), orgs.get(0).squads().get().stream().map(Squad::rank).toList());
    assertEquals(List.of(6, 5), orgs.get(1).squads().get().stream().map(Squad::rank).toList());
  }

  /**
   * news: episodes 1..6 (made out of order; ratings 4, NULL, 2, NULL, 5, 1 for episodes 1..6),
   * art: 11..13 (unrated), quiet: none.
   */
  static void channels(Db db) {
    Channel news = await(Channels.create().name("news").exec(db));
    Channel art = await(Channels.create().name("art").exec(db));
    await(Channels.create().name("quiet").exec(db));
    Map<Integer, Integer> ratings = Map.of(1, 4, 3, 2, 5, 5, 6, 1);
    for (int n : List.of(4, 1, 6, 2, 5, 3)) {
      await(news.episodes().create(Episodes.create()).number(n).title("e" + n)
          .rating(ratings.get(n)).exec(db));
    }
    for (int n : List.of(12, 13, 11)) {
      await(art.episodes().create(Episodes.create()).number(n).title("e" + n).exec(db));
    }
  }

  static Map<String, List<String>> episodesByChannel(List<Channel> channels) {
    return channels.stream().collect(Collectors.toMap(Channel::name,
        c -> c.episodes().get().stream().map(Episode::title).toList()));
  }

  /**
   * Ordered by the sort key of the index on the foreign key ({@code @Index(sortBy)}): the same
   * pages on every backend; on a key-value backend each channel's page is one index read in the
   * include's order (backwards for descending), its Limit the offset plus the limit, of which
   * no more rows are taken (a channel's later episodes are never read), then one read by key.
   */
  @BackendTest
  @Requires(Need.INCLUDE_LIMIT)
  public void limitPerParentIsReadFromAnIndexInTheIncludesOrder(Db db, OperationLog log) {
    channels(db);
    log.clear();
    List<Channel> desc = await(Channels.all().include(Channels.EPISODES
        .orderBy(Episodes.NUMBER.desc()).offset(1).limit(2)).collect(db));
    assertEquals(Map.of("news", List.of("e5", "e4"), "art", List.of("e12", "e11"),
        "quiet", List.of()), episodesByChannel(desc));
    eachPageOneIndexRead(db, log, false, 3);
    log.clear();
    List<Channel> asc = await(Channels.all().include(Channels.EPISODES
        .orderBy(Episodes.NUMBER.asc()).limit(2)).collect(db));
    assertEquals(Map.of("news", List.of("e1", "e2"), "art", List.of("e11", "e12"),
        "quiet", List.of()), episodesByChannel(asc));
    eachPageOneIndexRead(db, log, true, 2);
  }

  /**
   * On SQL the channels, then one query for their episodes; on a key-value backend the
   * channels, one index read per channel (Limit {@code page}, {@code forward} or backwards, at
   * most {@code page} rows taken) and one read by key of the pages' episodes.
   */
  static void eachPageOneIndexRead(Db db, OperationLog log, boolean forward, long page) {
    if (db.capability().sql()) {
      assertEquals(2, log.size(), () -> "channels, then their episodes in one query: " + log);
      return;
    }
    List<Operation.FindPkByIndex> reads = log.operations(Operation.FindPkByIndex.class);
    assertEquals(3, reads.size(), () -> "one index read a channel: " + log);
    for (Operation.FindPkByIndex read : reads) {
      assertEquals(page, read.pageSize(), () -> "a Limit of offset plus limit: " + read);
      assertEquals(forward, read.forward(), () -> "read in the include's order: " + read);
    }
    for (OperationLog.Entry e : log.entries()) {
      if (e.operation() instanceof Operation.FindPkByIndex) {
        assertTrue(PaginationScenarios.rowsTaken(e.outcome()) <= page,
            () -> "an index read taken beyond its channel's page: " + e);
      }
    }
    assertEquals(1, log.count(Operation.GetByKey.class), () -> "one read by key: " + log);
    assertEquals(0, log.count(Operation.QuerySql.class), () -> "a window query: " + log);
  }

  /**
   * A limit per parent ordered by an optional field: NULL below every value on every backend
   * (first ascending, last descending), so each channel keeps the same episodes everywhere.
   */
  @BackendTest
  @Requires(Need.INCLUDE_LIMIT)
  public void limitPerParentOnAnOptionalFieldPutsNullFirstAscending(Db db) {
    channels(db);
    List<Channel> asc = await(Channels.all().include(Channels.EPISODES
        .orderBy(Episodes.RATING.asc(), Episodes.NUMBER.asc()).limit(3)).collect(db));
    assertEquals(Map.of("news", List.of("e2", "e4", "e6"), "art", List.of("e11", "e12", "e13"),
        "quiet", List.of()), episodesByChannel(asc));
    List<Channel> desc = await(Channels.all().include(Channels.EPISODES
        .orderBy(Episodes.RATING.desc(), Episodes.NUMBER.asc()).offset(2).limit(3)).collect(db));
    assertEquals(Map.of("news", List.of("e3", "e6", "e2"), "art", List.of("e13"),
        "quiet", List.of()), episodesByChannel(desc));
  }
}
