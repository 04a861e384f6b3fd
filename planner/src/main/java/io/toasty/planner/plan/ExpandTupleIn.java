package io.toasty.planner.plan;

import io.toasty.planner.expr.Conjuncts;
import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;

/**
 * For a backend without row values: {@code T AND (a, b) IN ((x1, y1), (x2, y2))} becomes
 * {@code (T AND a = x1 AND b = y1) OR (T AND a = x2 AND b = y2)}, so that a composite key's
 * tuple reads by key (one branch per pair) instead of scanning. Only the first such conjunct
 * of the filter is expanded, so the filter grows linearly with the list.
 */
final class ExpandTupleIn {
  private ExpandTupleIn() {}

  /** {@code filter} with its first tuple {@code IN} list conjunct expanded, or itself. */
  static ExprNode apply(ExprNode filter) {
    List<ExprNode> terms = Conjuncts.of(filter);
    for (int i = 0; i < terms.size(); i++) {
      if (terms.get(i) instanceof ExprNode.InList in
          && in.operand() instanceof ExprNode.Record tuple
          && !in.items().isEmpty()
          && in.items().stream().allMatch(item -> fits(item, tuple))) {
        List<ExprNode> rest = new ArrayList<>(terms);
        rest.remove(i);
        List<ExprNode> branches = new ArrayList<>(in.items().size());
        for (ExprNode item : in.items()) {
          List<ExprNode> branch = new ArrayList<>(rest);
          List<ExprNode> values = ((ExprNode.Record) item).fields();
          for (int f = 0; f < values.size(); f++) {
            branch.add(ExprNode.eq(tuple.fields().get(f), values.get(f)));
          }
          branches.add(Conjuncts.and(branch));
        }
        return branches.size() == 1 ? branches.get(0) : new ExprNode.Or(branches);
      }
    }
    return filter;
  }

  private static boolean fits(ExprNode item, ExprNode.Record tuple) {
    return item instanceof ExprNode.Record r && r.fields().size() == tuple.fields().size();
  }
}
