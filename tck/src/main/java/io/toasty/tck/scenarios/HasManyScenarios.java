package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static io.toasty.tck.scenarios.RelationFixtures.article;
import static io.toasty.tck.scenarios.RelationFixtures.author;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.InvalidStatementException;
import io.toasty.error.RelationNotLoadedException;
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
import java.util.UUID;

/** Has-many CRUD and scoped queries: {@code author.articles()} on a loaded record. */
@Models({Authors.class, Articles.class, Comments.class, Bios.class})
public abstract class HasManyScenarios {

  @BackendTest
  public void scopedCreateSetsTheForeignKey(Db db) {
    Author ann = author(db, "ann");
    Article a = await(ann.articles().create(Articles.create()).title("Hello").votes(0).exec(db));
    assertEquals(ann.id(), a.authorId());
    assertEquals(List.of(a), await(ann.articles().collect(db)));
  }

  @BackendTest
  public void scopedCreateLocksTheForeignKey(Db db) {
    Author ann = author(db, "ann");
    var create = ann.articles().create(Articles.create());
    var e = assertThrows(InvalidStatementException.class, () -> create.authorId(new UUID(0, 99)));
    assertTrue(e.getMessage().contains("Article.authorId"), e.getMessage());
  }

  @BackendTest
  public void scopedQueriesSeeOnlyTheParentsRecords(Db db, OperationLog log) {
    Author ann = author(db, "ann");
    Author bob = author(db, "bob");
    article(db, ann, "a1", 1);
    article(db, ann, "a2", 5);
    article(db, bob, "b1", 3);
    log.clear();
    assertEquals(List.of("a1", "a2"), titles(sortedBy(await(ann.articles()
        .collect(db)), Article::title)));
    // The parent key is lifted: one query (on a key-value backend, one read of the foreign key's
    // index, which returns the records), never one that reads the parents again.
    assertEquals(1, log.size(),
        "a scoped query is one query: the parent key is lifted: " + log);
    assertEquals(List.of("a2"), titles(await(ann.articles().filter(Articles.VOTES.gt(2))
        .collect(db))));
    assertEquals("b1", await(bob.articles().first(db)).title());
    assertEquals(2, await(ann.articles().stream(db).count()));
  }

  @BackendTest
  public void unloadedRelationsFailWithATypedError(Db db) {
    Author ann = author(db, "ann");
    Author loaded = await(Authors.getById(db, ann.id()));
    assertFalse(loaded.articles().isLoaded());
    var e = assertThrows(RelationNotLoadedException.class, () -> loaded.articles().get());
    assertTrue(e.getMessage().contains("Author.articles"), e.getMessage());
  }

  @BackendTest
  public void includeLoadsTheChildren(Db db, OperationLog log) {
    Author ann = author(db, "ann");
    Author bob = author(db, "bob");
    author(db, "cy");
    article(db, ann, "a1", 1);
    article(db, ann, "a2", 5);
    article(db, bob, "b1", 3);
    log.clear();
    List<Author> authors = sortedBy(await(Authors.all()
        .include(Authors.ARTICLES).collect(db)), Author::name);
    assertEquals(2, log.size(), log.toString());
    assertEquals(List.of("a1", "a2"), titles(authors.get(0).articles().get()));
    assertEquals(List.of("b1"), titles(authors.get(1).articles().get()));
    assertEquals(List.of(), authors.get(2).articles().get());
  }

  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void insertAndRemoveRelink(Db db) {
    Author ann = author(db, "ann");
    Author bob = author(db, "bob");
    Article a = article(db, ann, "a1", 1);
    assertEquals(1L, await(bob.articles().insert(db, a)));
    assertEquals(List.of("a1"), titles(await(bob.articles().collect(db))));
    assertEquals(List.of(), await(ann.articles().collect(db)));
    // The foreign key is required: removing deletes.
    assertEquals(1L, await(bob.articles().remove(db, a)));
    assertEquals(0L, await(Articles.all().stream(db).count()));
  }

  static List<String> titles(List<Article> articles) {
    return articles.stream().map(Article::title).toList();
  }
}
