package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.scenarios.RelationFixtures.article;
import static io.toasty.tck.scenarios.RelationFixtures.author;
import static io.toasty.tck.scenarios.RelationFixtures.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.Source;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Article;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Author;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comments;
import io.toasty.tck.models.Employee;
import io.toasty.tck.models.EmployeeCreate;
import io.toasty.tck.models.Employees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deleting a parent: children with a required foreign key are deleted (recursively), children
 * with an optional one are unlinked (the key set to NULL), by the engine, in one transaction (on
 * DynamoDB one TransactWriteItems).
 */
@Models({Authors.class, Articles.class, Comments.class, Bios.class, Employees.class})
public abstract class ParentDeleteScenarios {

  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void requiredChildrenAreDeletedOptionalOnesUnlinked(Db db) {
    Author ann = author(db, "ann");
    Author bob = author(db, "bob");
    Article a1 = article(db, ann, "a1", 1);
    comment(db, a1, "c", 0);
    Article b1 = await(Articles.create().author(bob).editor(ann).title("b1").votes(1).exec(db));
    await(ann.bio().create(Bios.create()).text("x").exec(db));
    assertEquals(1L, await(Authors.delete(ann).exec(db)));
    assertEquals(List.of("b1"), await(Articles.all().collect(db)).stream().map(Article::title)
        .toList());
    assertEquals(Optional.empty(), await(Articles.getById(db, b1.id())).editorId());
    assertEquals(0L, await(Comments.all().stream(db).count()));
    assertEquals(0L, await(Bios.all().stream(db).count()));
  }

  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void deleteByFilterCascadesToEveryMatch(Db db) {
    Author ann = author(db, "ann");
    Author bob = author(db, "bob");
    article(db, ann, "a1", 1);
    article(db, bob, "b1", 1);
    article(db, author(db, "keep"), "k1", 1);
    assertEquals(2L, await(Authors.filter(Authors.NAME.in("ann", "bob")).delete().exec(db)));
    assertEquals(List.of("k1"), await(Articles.all().collect(db)).stream()
        .map(Article::title).toList());
  }

  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void aFilterOnTheCascadedRelationStillSeesTheRecords(Db db) {
    Author ann = author(db, "ann");
    article(db, ann, "hot", 9);
    article(db, author(db, "bob"), "cold", 1);
    assertEquals(1L, await(Authors.filter(Authors.ARTICLES.any(Articles.VOTES.gt(5))).delete()
        .exec(db)));
    assertEquals(List.of("bob"), await(Authors.all().collect(db)).stream().map(Author::name)
        .toList());
    assertEquals(List.of("cold"), await(Articles.all().collect(db)).stream()
        .map(Article::title).toList());
  }

  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void selfReferenceUnlinksReports(Db db) {
    Employee boss = await(Employees.create().name("boss").exec(db));
    Employee amy = await(Employees.create().name("amy").manager(boss).exec(db));
    assertEquals(1L, await(Employees.delete(boss).exec(db)));
    assertEquals(Optional.empty(), await(Employees.getById(db, amy.id())).managerId());
  }

  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void aFailedCascadeLeavesEverything(Db db, OperationLog log) {
    Author ann = author(db, "ann");
    Article a1 = article(db, ann, "a1", 1);
    comment(db, a1, "c", 0);
    log.clear();
    // the authors' delete: a statement of its own over SQL, one atomic request on DynamoDB
    log.failNext(op -> op instanceof Operation.QuerySql q
            && q.statement() instanceof DeleteNode d
            && d.source().equals(new Source.Table(db.tableOf(Authors.MODEL)))
            || op instanceof Operation.Atomic,
        new DriverException("h2", "XX000", "injected", null));
    Tck.failure(DriverException.class, () -> Authors.delete(ann).exec(db));
    assertEquals(1L, await(Comments.all().stream(db).count()));
    assertEquals(1L, await(Articles.all().stream(db).count()));
    assertEquals(1L, await(Authors.all().stream(db).count()));
  }

  /**
   * A cascade of more records than one atomic write holds (DynamoDB: 100 items in one
   * TransactWriteItems) is refused whole with {@code TRANSACTION_SIZE}, naming the limit, before
   * any write; where atomic writes have no item limit it runs.
   */
  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void aCascadeBeyondOneAtomicWriteIsRefusedWhole(Db db, Capability capability) {
    Employee boss = await(Employees.create().name("boss").exec(db));
    for (int chunk = 0; chunk < 2; chunk++) {
      List<EmployeeCreate> reports = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        reports.add(Employees.create().name("e" + chunk + i).manager(boss));
      }
      await(Employees.createMany(reports).exec(db));
    }
    int limit = capability.maxAtomicWriteItems();
    if (limit > 0) {
      // 100 reports to unlink and the boss to delete: 101 items at least
      UnsupportedFeatureException e = Tck.failure(UnsupportedFeatureException.class,
          () -> Employees.delete(boss).exec(db));
      assertEquals(Feature.TRANSACTION_SIZE, e.feature());
      assertTrue(e.getMessage().contains("takes at most " + limit), e.getMessage());
      assertEquals(101L, await(Employees.all().stream(db).count()));
      assertEquals(100L, await(Employees.filter(Employees.MANAGER_ID.isNotNull()).stream(db)
          .count()));
    } else {
      assertEquals(1L, await(Employees.delete(boss).exec(db)));
      assertEquals(0L, await(Employees.filter(Employees.MANAGER_ID.isNotNull()).stream(db)
          .count()));
    }
  }

  @BackendTest
  public void removeFromAnOptionalRelationUnlinks(Db db) {
    Author ann = author(db, "ann");
    Article b1 = await(Articles.create().author(author(db, "bob")).editor(ann).title("b1")
        .votes(1).exec(db));
    assertEquals(1L, await(ann.edited().remove(db, b1)));
    assertEquals(Optional.empty(), await(Articles.getById(db, b1.id())).editorId());
    assertEquals(1L, await(Articles.all().stream(db).count()));
  }
}
