package io.toasty.tck.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.OperationLog;
import io.toasty.tck.models.Articles;
import io.toasty.tck.models.Authors;
import io.toasty.tck.models.Bios;
import io.toasty.tck.models.Comments;

/** The plans of relation statements, as {@code db.explain} shows them. */
@Models({Authors.class, Articles.class, Comments.class, Bios.class})
public abstract class RelationPlanScenarios {

  @BackendTest
  @Requires(Need.INCLUDE)
  public void twoIncludesPlanAsOneNestedMergeWithTwoBranches(Db db, OperationLog log) {
    String plan = db.explain(Authors.filterById(1L).include(Authors.ARTICLES, Authors.BIO)
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
    String plan = db.explain(Articles.filter(Articles.AUTHOR.is(Authors.ID.eq(7L))).untyped());
    assertTrue(plan.contains("articles.author_id = $0"), plan);
    assertTrue(!plan.contains("IN (subquery"), plan);
  }
}
