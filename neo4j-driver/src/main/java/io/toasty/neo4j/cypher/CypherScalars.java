package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.neo4j.cypher.CypherWalk.Scope;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;

/**
 * A scalar subquery (a relation's aggregate per record, see {@code SimplifyRelatedAggregate}):
 * a count is {@code COUNT { MATCH .. }}; any other aggregate is computed over the list of the
 * related values, {@code [x IN COLLECT { MATCH .. RETURN v } WHERE x IS NOT NULL]}, with
 * {@code reduce}. Neo4j refuses an aggregate function inside a subquery expression that sits
 * beside the outer query's own values ("Aggregation column contains implicit grouping
 * expressions"), so none is written there; the list keeps SQL's rules (NULLs skipped, NULL over
 * no value).
 */
final class CypherScalars {
  private CypherScalars() {}

  static void render(CypherWalk walk, ExprNode.Scalar scalar) {
    Query q = scalar.query();
    if (!(q.returning() instanceof Returning.Project p) || p.exprs().size() != 1
        || !(p.exprs().get(0) instanceof ExprNode.Aggregate a)
        || !q.orderBy().isEmpty() || q.limit() != null) {
      throw new IllegalArgumentException("a scalar subquery of no aggregate: " + q);
    }
    StringBuilder out = walk.out();
    if (a.op() == ExprNode.AggOp.COUNT_ALL) {
      out.append("COUNT { ");
      walk.close(walk.match(q.source(), q.filter()));
      out.append(" }");
      return;
    }
    String x = walk.fresh();
    String acc = walk.fresh();
    switch (a.op()) {
      case COUNT -> {
        out.append("size(");
        values(walk, q, a, x);
        out.append(')');
      }
      case SUM, SUM_DOUBLE -> {
        out.append("reduce(").append(acc).append(" = null, ").append(x).append(" IN ");
        values(walk, q, a, x);
        out.append(" | coalesce(").append(acc).append(a.op() == ExprNode.AggOp.SUM ? ", 0) + "
            : ", 0.0) + toFloat(").append(x).append(a.op() == ExprNode.AggOp.SUM ? ")" : "))");
      }
      case AVG -> {
        // [sum, count] in one pass, divided as SQL does (the sum over the count).
        String r = walk.fresh();
        out.append("[").append(r).append(" IN [reduce(").append(acc).append(" = [0, 0], ")
            .append(x).append(" IN ");
        values(walk, q, a, x);
        out.append(" | [").append(acc).append("[0] + ").append(x).append(", ").append(acc)
            .append("[1] + 1])] | CASE WHEN ").append(r).append("[1] = 0 THEN null ELSE toFloat(")
            .append(r).append("[0]) / ").append(r).append("[1] END][0]");
      }
      case MIN, MAX -> {
        out.append("reduce(").append(acc).append(" = null, ").append(x).append(" IN ");
        values(walk, q, a, x);
        out.append(" | CASE WHEN ").append(acc).append(" IS NULL OR ").append(x)
            .append(a.op() == ExprNode.AggOp.MIN ? " < " : " > ").append(acc).append(" THEN ")
            .append(x).append(" ELSE ").append(acc).append(" END)");
      }
      default -> throw new UnsupportedFeatureException(Feature.IN_MEMORY_EVALUATION,
          CypherWalk.BACKEND, "exact decimal sums and averages: Neo4j has no decimal type");
    }
  }

  /** {@code [x IN COLLECT { MATCH .. RETURN [DISTINCT] operand AS v } WHERE x IS NOT NULL]}. */
  private static void values(CypherWalk walk, Query q, ExprNode.Aggregate a, String x) {
    StringBuilder out = walk.out();
    out.append('[').append(x).append(" IN COLLECT { ");
    Scope scope = walk.match(q.source(), q.filter());
    out.append(a.distinct() ? " RETURN DISTINCT " : " RETURN ");
    walk.expr(a.operand());
    out.append(" AS v");
    walk.close(scope);
    out.append(" } WHERE ").append(x).append(" IS NOT NULL]");
  }
}
