package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static io.toasty.tck.scenarios.RelationFixtures.article;
import static io.toasty.tck.scenarios.RelationFixtures.author;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.RelationNotLoadedException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.models.Article;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Book;
import io.toasty.tck.models.Books;
import io.toasty.tck.models.Comments;
import io.toasty.tck.models.Employee;
import io.toasty.tck.models.Employees;
import io.toasty.tck.models.Review;
import io.toasty.tck.models.Reviews;
import java.util.List;
import java.util.Optional;

/**
 * Belongs-to: inferred keys ({@code authorId}), configured keys that reference a unique field
 * ({@code Review.bookIsbn -> Book.isbn}), optional relations, and a self-reference.
 */
@Models({Authors.class, Articles.class, Comments.class, Bios.class, Books.class, Reviews.class,
    Employees.class})
public abstract class BelongsToScenarios {

  @BackendTest
  public void inferredKeyLinksAndLoads(Db db, OperationLog log) {
    Author ann = author(db, "ann");
    Article a = article(db, ann, "a1", 1);
    assertEquals(ann.id(), a.authorId());
    log.clear();
    assertEquals(ann, await(a.author().get(db)));
    assertEquals(1, log.size());
    Article loaded = await(Articles.filterById(a.id()).include(Articles.AUTHOR).first(db));
    assertEquals("ann", loaded.author().get().name());
  }

  @BackendTest
  public void optionalBelongsToIsEmptyWhenTheKeyIsNull(Db db) {
    Author ann = author(db, "ann");
    Article a = article(db, ann, "a1", 1);
    assertEquals(Optional.empty(), await(a.editor().get(db)));
    Article loaded = await(Articles.filterById(a.id()).include(Articles.EDITOR).first(db));
    assertEquals(Optional.empty(), loaded.editor().get());
    Author ed = author(db, "ed");
    await(Articles.update(a).editorId(ed.id()).exec(db));
    Article edited = await(Articles.filterById(a.id()).include(Articles.EDITOR,
        Articles.AUTHOR).first(db));
    assertEquals(Optional.of(ed), edited.editor().get());
    assertEquals(ann, edited.author().get());
  }

  @BackendTest
  public void configuredKeyReferencesAUniqueField(Db db) {
    Book b = await(Books.create().isbn("978-1").title("Dune").exec(db));
    Review r = await(Reviews.create().book(b).stars(5).exec(db));
    assertEquals("978-1", r.bookIsbn());
    assertEquals(b, await(r.book().get(db)));
    Book loaded = await(Books.filterByIsbn("978-1").include(Books.REVIEWS).first(db));
    assertEquals(List.of(r), loaded.reviews().get());
    assertEquals(List.of(r), await(b.reviews().collect(db)));
  }

  @BackendTest
  public void selfReference(Db db) {
    Employee boss = await(Employees.create().name("boss").exec(db));
    Employee amy = await(Employees.create().name("amy").manager(boss).exec(db));
    Employee bo = await(Employees.create().name("bo").manager(boss).exec(db));
    assertEquals(Optional.of(boss), await(amy.manager().get(db)));
    assertEquals(Optional.empty(), await(boss.manager().get(db)));
    assertEquals(List.of(amy, bo), sortedBy(await(boss.reports()
        .collect(db)), Employee::name));
    List<Employee> all = sortedBy(await(Employees.all()
        .include(Employees.MANAGER, Employees.REPORTS).collect(db)), Employee::name);
    assertEquals(List.of("amy", "bo", "boss"), all.stream().map(Employee::name).toList());
    assertEquals("boss", all.get(0).manager().get().orElseThrow().name());
    assertEquals(List.of("amy", "bo"), all.get(2).reports().get().stream()
        .map(Employee::name).toList());
  }

  @BackendTest
  public void readingAnUnloadedBelongsToIsATypedError(Db db) {
    Author ann = author(db, "ann");
    Article a = article(db, ann, "a1", 1);
    var e = assertThrows(RelationNotLoadedException.class, () -> a.author().get());
    assertTrue(e.getMessage().contains("Article.author"), e.getMessage());
  }
}
