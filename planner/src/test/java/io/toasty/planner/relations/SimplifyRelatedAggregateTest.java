package io.toasty.planner.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.toasty.planner.simplify.SimplifyContext;
import io.toasty.planner.simplify.SimplifyRelatedAggregate;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A relation's aggregate per record becomes a subquery correlated on the outer record's key,
 * which it reads as {@link ExprNode.Outer}: so a self relation (a person's reports) counts the
 * other records of its own model, not the subquery's row.
 */
class SimplifyRelatedAggregateTest {
  private static final SimplifyContext CX = new SimplifyContext(RelationFixtures.SCHEMA);
  private static final ExprNode.Aggregate COUNT =
      new ExprNode.Aggregate(ExprNode.AggOp.COUNT_ALL, ExprNode.NULL, false);

  private static ExprNode.Field person(int f) {
    return new ExprNode.Field("Person", f);
  }

  private static Query scalar(ExprNode aggregate) {
    return assertInstanceOf(ExprNode.Scalar.class,
        new SimplifyRelatedAggregate().apply(aggregate, CX)).query();
  }

  /** The correlation, and the relation's condition (none here: TRUE, folded later). */
  private static ExprNode correlated(ExprNode correlation) {
    return new ExprNode.And(List.of(correlation, ExprNode.TRUE));
  }

  @Test
  void aSelfRelationReadsTheOuterRecordsKey() {
    Query q = scalar(new ExprNode.RelatedAggregate(person(RelationFixtures.REPORTS),
        ExprNode.TRUE, COUNT));
    assertEquals(new Source.Model("Person"), q.source());
    assertEquals(correlated(ExprNode.eq(person(2), new ExprNode.Outer(person(0)))), q.filter());
    assertEquals(new Returning.Project(List.of(COUNT)), q.returning());
  }

  @Test
  void anotherModelsRelationReadsItTheSameWay() {
    Query q = scalar(new ExprNode.RelatedAggregate(person(RelationFixtures.POSTS),
        ExprNode.TRUE, COUNT));
    assertEquals(new Source.Model("Post"), q.source());
    assertEquals(correlated(ExprNode.eq(new ExprNode.Field("Post", 1),
        new ExprNode.Outer(person(0)))), q.filter());
  }
}
