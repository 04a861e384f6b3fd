package io.toasty.planner.plan;

import io.toasty.stmt.Expr;
import java.util.List;

/**
 * Finds primary keys through a secondary index ({@code Operation.FindPkByIndex}); its output is
 * one key record per row.
 */
public record FindPkByIndex(String table, String index, Expr keyCondition, Expr filter)
    implements MirNode {
  @Override
  public List<Integer> inputs() {
    return List.of();
  }
}
