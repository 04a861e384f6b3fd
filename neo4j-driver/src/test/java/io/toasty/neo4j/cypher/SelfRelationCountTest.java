package io.toasty.neo4j.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.neo4j.models.Guides;
import io.toasty.schema.Schema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A self relation's count per record, as the planner sends it ({@code SimplifyRelatedAggregate}):
 * the subquery matches the outer node's own label, and the correlation's outer key
 * ({@code ExprNode.Outer}) is the node the outer {@code MATCH} bound, joined by the relationship.
 */
class SelfRelationCountTest {
  final Schema schema = Schema.of(List.of(Guides.MODEL.schema()));
  final CypherRenderer renderer = new CypherRenderer(schema, new Names(""));
  final String guides = schema.tableOf("Guide").name();

  private ExprNode.Column col(String name) {
    var columns = schema.table(guides).columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return new ExprNode.Column(guides, i);
      }
    }
    throw new IllegalArgumentException(name);
  }

  /** {@code (SELECT agg FROM guides WHERE mentor_id = outer id)}. */
  private ExprNode.Scalar mentees(ExprNode.Aggregate aggregate) {
    return new ExprNode.Scalar(new Query(new Source.Table(guides),
        ExprNode.eq(col("mentor_id"), new ExprNode.Outer(col("id"))),
        new Returning.Project(List.of(aggregate)), List.of(), null));
  }

  @Test
  void aCountOfMenteesFollowsTheRelationshipIntoTheOuterNode() {
    ExprNode count = mentees(new ExprNode.Aggregate(ExprNode.AggOp.COUNT_ALL, ExprNode.NULL,
        false));
    Query q = new Query(new Source.Table(guides), ExprNode.TRUE,
        new Returning.Project(List.of(col("name"), count)),
        List.of(new OrderBy(count, OrderBy.Direction.DESC)), null);
    String countOf = "COUNT { MATCH (n%d:`" + guides + "`), (n%d)-[:`MENTOR`]->(n0) }";
    assertEquals("MATCH (n0:`" + guides + "`) RETURN n0.`name` AS c0, "
        + countOf.formatted(1, 1) + " AS c1 ORDER BY " + countOf.formatted(2, 2) + " DESC",
        renderer.render(q).text());
  }

  @Test
  void anotherAggregateCollectsTheMenteesValues() {
    Query q = new Query(new Source.Table(guides), ExprNode.TRUE, new Returning.Project(List.of(
        mentees(new ExprNode.Aggregate(ExprNode.AggOp.MAX, col("age"), false)))), List.of(),
        null);
    assertEquals("MATCH (n0:`" + guides + "`) RETURN reduce(n2 = null, n1 IN [n1 IN COLLECT { "
        + "MATCH (n3:`" + guides + "`), (n3)-[:`MENTOR`]->(n0) RETURN n3.`age` AS v } WHERE n1 "
        + "IS NOT NULL] | CASE WHEN n2 IS NULL OR n1 > n2 THEN n1 ELSE n2 END) AS c0",
        renderer.render(q).text());
  }
}
