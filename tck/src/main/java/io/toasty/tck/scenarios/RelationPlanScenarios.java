package io.toasty.tck.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.reactive.Db;
import io.toasty.schema.app.ModelSchema;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comments;
import java.util.UUID;

/** The plans of relation statements, as {@code db.explain} shows them. */
@Models({Authors.class, Articles.class, Comments.class, Bios.class})
public abstract class RelationPlanScenarios {

  @BackendTest
  public void twoIncludesPlanAsOneNestedMergeWithTwoBranches(Db db, OperationLog log) {
    String plan = db.explain(Authors.filterById(new UUID(0, 1))
        .include(Authors.ARTICLES, Authors.BIO)
        .untyped());
    System.out.println("[explain " + db.capability().backend() + "]\n" + plan);
    assertTrue(plan.contains("merged into #0 as slot 0 (articles, many)"), plan);
    assertTrue(plan.contains("merged into #0 as slot 1 (bio, one)"), plan);
    assertTrue(plan.contains("NestedMerge"), plan);
    assertTrue(plan.contains("NestedMergeAction"), plan);
    assertTrue(log.size() == 0, "explain runs nothing");
  }

  @BackendTest
  public void aScopedQueryLiftsTheParentKey(Db db) {
    String plan = db.explain(Articles.filter(Articles.AUTHOR.is(Authors.ID.eq(new UUID(0, 7))))
        .untyped());
    ModelSchema articles = db.capability().naming().apply(Articles.MODEL.schema());
    String authorId = articles.tableName() + "."
        + articles.fields().get(Articles.AUTHOR_ID.index()).columnName();
    assertTrue(plan.contains(authorId + " = $0"), plan);
    assertTrue(!plan.contains("IN (subquery"), plan);
  }
}
