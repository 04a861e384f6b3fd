package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Expr;
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
import io.toasty.tck.models.Comments;
import java.util.List;

/**
 * Filters by related records: any, none and every on has-many, and conditions on a belongs-to
 * or has-one's fields; each is one query (a semi-join), never one per record.
 */
@Models({Authors.class, Articles.class, Comments.class, Bios.class})
public abstract class RelationFilterScenarios {

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void anyNoneEvery(Db db, OperationLog log) {
    PreloadScenarios.data(db);
    log.clear();
    assertEquals(List.of("ann"), names(sortedBy(await(Authors.filter(Authors.ARTICLES.any(
        Articles.VOTES.gt(6))).collect(db)), Author::name)));
    // One query (a key-value backend: the related keys, then the records by key).
    assertEquals(db.capability().sql() ? 1 : 2, log.size(), log::toString);
    assertEquals(List.of("ann", "bob"), names(sortedBy(await(Authors.filter(Authors.ARTICLES.any())
        .collect(db)), Author::name)));
    assertEquals(List.of("cy"), names(sortedBy(await(Authors.filter(Authors.ARTICLES.none())
        .collect(db)), Author::name)));
    assertEquals(List.of("bob", "cy"), names(sortedBy(await(Authors.filter(Authors.ARTICLES.none(
        Articles.VOTES.gt(6))).collect(db)), Author::name)));
    // every: vacuously true for cy
    assertEquals(List.of("bob", "cy"), names(sortedBy(await(Authors.filter(Authors.ARTICLES.every(
        Articles.VOTES.ge(5))).collect(db)), Author::name)));
    assertEquals(List.of("ann", "bob", "cy"), names(sortedBy(await(Authors.filter(Authors.ARTICLES
        .every(Articles.VOTES.ge(3))).collect(db)), Author::name)));
  }

  /**
   * A relation's count compared with a number, every comparison, with and without a condition on
   * the related records, nested in a relation filter: one query on SQL (a grouped semi-join), the
   * counted keys then the records on a key-value backend, never one per record.
   */
  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void relationCountsCompareWithNumbers(Db db, OperationLog log) {
    PreloadScenarios.data(db); // ann: a1 (3 votes, 2 comments), a2 (7, 1); bob: b1 (5, 1); cy none
    log.clear();
    assertEquals(List.of("ann"), authors(db, Authors.ARTICLES.count().ge(2)));
    assertEquals(db.capability().sql() ? 1 : 2, log.size(), log::toString);
    assertEquals(List.of("ann", "bob"), authors(db, Authors.ARTICLES.count().ge(1)));
    assertEquals(List.of("ann"), authors(db, Authors.ARTICLES.count().gt(1)));
    assertEquals(List.of("bob"), authors(db, Authors.ARTICLES.count().eq(1)));
    assertEquals(List.of("cy"), authors(db, Authors.ARTICLES.count().eq(0)));
    assertEquals(List.of("bob", "cy"), authors(db, Authors.ARTICLES.count().lt(2)));
    assertEquals(List.of("bob", "cy"), authors(db, Authors.ARTICLES.count().le(1)));
    assertEquals(List.of("ann", "cy"), authors(db, Authors.ARTICLES.count().ne(1)));
    assertEquals(List.of(), authors(db, Authors.ARTICLES.count().ge(3)));
    assertEquals(List.of("ann", "bob", "cy"), authors(db, Authors.ARTICLES.count().ge(0)));
    assertEquals(List.of(), authors(db, Authors.ARTICLES.count().lt(0)));
    // counting only the related records that match
    assertEquals(List.of("ann", "bob"), authors(db, Authors.ARTICLES.count(Articles.VOTES.ge(5))
        .ge(1)));
    assertEquals(List.of("ann"), authors(db, Authors.ARTICLES.count(Articles.VOTES.ge(3)).ge(2)));
    assertEquals(List.of("bob", "cy"), authors(db, Authors.ARTICLES.count(Articles.VOTES.ge(3))
        .lt(2)));
    // nested in a relation filter, and beside a plain condition
    assertEquals(List.of("ann"), authors(db, Authors.ARTICLES.any(Articles.COMMENTS.count()
        .ge(2))));
    assertEquals(List.of("bob"), authors(db, Authors.ARTICLES.count().ge(1)
        .and(Authors.NAME.ne("ann"))));
  }

  private static List<String> authors(Db db, Expr<Boolean> filter) {
    return names(sortedBy(await(Authors.filter(filter).collect(db)), Author::name));
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void nestedRelationFilters(Db db) {
    PreloadScenarios.data(db);
    // authors with an article that has a comment with more than 5 likes
    assertEquals(List.of("ann"), names(await(Authors.filter(Authors.ARTICLES.any(
        Articles.COMMENTS.any(Comments.LIKES.gt(5)))).collect(db))));
    assertEquals(List.of("ann"), names(await(Authors.filter(Authors.BIO.isPresent())
        .collect(db))));
    assertEquals(List.of("bob", "cy"), names(sortedBy(await(Authors.filter(Authors.BIO.isAbsent())
        .collect(db)), Author::name)));
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void belongsToFieldFilters(Db db) {
    PreloadScenarios.data(db);
    assertEquals(List.of("a1", "a2"), titles(sortedBy(await(Articles.filter(Articles.AUTHOR.is(
        Authors.NAME.eq("ann"))).collect(db)), Article::title)));
    assertEquals(List.of("b1"), titles(await(Articles.filter(Articles.EDITOR.isPresent())
        .collect(db))));
    assertEquals(List.of("a1", "a2"),
        titles(sortedBy(await(Articles.filter(Articles.EDITOR.isAbsent())
        .collect(db)), Article::title)));
    assertEquals(List.of("a1", "a2"), titles(sortedBy(await(Articles.filter(Articles.EDITOR.isNot(
        Authors.NAME.eq("ann"))).collect(db)), Article::title)));
    // combined with plain conditions and an include
    List<Article> hot = await(Articles.filter(Articles.AUTHOR.is(Authors.NAME.eq("ann"))
        .and(Articles.VOTES.gt(5))).include(Articles.AUTHOR).collect(db));
    assertEquals("ann", hot.get(0).author().get().name());
    assertEquals(List.of("a2"), titles(hot));
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void relationFiltersInMutations(Db db) {
    PreloadScenarios.data(db);
    assertEquals(2L, await(Articles.filter(Articles.AUTHOR.is(Authors.NAME.eq("ann")))
        .update().votes(0).exec(db)));
    assertEquals(List.of(0, 0, 5), sortedBy(await(Articles.all()
        .collect(db)), Article::title).stream().map(Article::votes).toList());
  }

  static List<String> names(List<Author> authors) {
    return authors.stream().map(Author::name).toList();
  }

  static List<String> titles(List<Article> articles) {
    return articles.stream().map(Article::title).toList();
  }
}
