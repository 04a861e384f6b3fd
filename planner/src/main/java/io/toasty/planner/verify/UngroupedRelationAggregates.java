package io.toasty.planner.verify;

import io.toasty.error.InvalidStatementException;
import io.toasty.planner.expr.Walk;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A relation's aggregate per record is a subquery correlated on each record's key, which a
 * grouped query (group by, distinct, an aggregate of its own records) no longer has: refused.
 */
final class UngroupedRelationAggregates {
  private UngroupedRelationAggregates() {}

  static void check(Returning.Grouped g, String model,
      Function<ExprNode.Field, String> fieldName) {
    List<ExprNode> all = new ArrayList<>(g.exprs());
    all.addAll(g.groupBy());
    all.add(g.having());
    for (ExprNode e : all) {
      Walk.each(e, x -> {
        if (x instanceof ExprNode.RelatedAggregate r) {
          throw new InvalidStatementException(model, fieldName.apply(r.relation()), "a "
              + "relation's aggregate per record in a grouped query: select it without groupBy, "
              + "distinct or an aggregate of the query's own records");
        }
      });
    }
  }
}
