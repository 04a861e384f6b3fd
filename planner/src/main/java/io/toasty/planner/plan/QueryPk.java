package io.toasty.planner.plan;

import io.toasty.stmt.Expr;
import java.util.List;

/**
 * Reads rows by a condition on the primary key: partition key equality and an optional sort key
 * range, with a further filter ({@code Operation.QueryPk}).
 */
public record QueryPk(String table, List<Integer> columns, Expr keyCondition, Expr filter)
    implements MirNode {
  public QueryPk {
    columns = List.copyOf(columns);
  }

  @Override
  public List<Integer> inputs() {
    return List.of();
  }
}
