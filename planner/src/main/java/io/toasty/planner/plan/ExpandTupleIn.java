package io.toasty.planner.plan;

import io.toasty.planner.expr.Conjuncts;
import io.toasty.stmt.Expr;
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
  static Expr apply(Expr filter) {
    List<Expr> terms = Conjuncts.of(filter);
    for (int i = 0; i < terms.size(); i++) {
      if (terms.get(i) instanceof Expr.InList in && in.operand() instanceof Expr.Record tuple
          && !in.items().isEmpty()
          && in.items().stream().allMatch(item -> fits(item, tuple))) {
        List<Expr> rest = new ArrayList<>(terms);
        rest.remove(i);
        List<Expr> branches = new ArrayList<>(in.items().size());
        for (Expr item : in.items()) {
          List<Expr> branch = new ArrayList<>(rest);
          List<Expr> values = ((Expr.Record) item).fields();
          for (int f = 0; f < values.size(); f++) {
            branch.add(Expr.eq(tuple.fields().get(f), values.get(f)));
          }
          branches.add(Conjuncts.and(branch));
        }
        return branches.size() == 1 ? branches.get(0) : new Expr.Or(branches);
      }
    }
    return filter;
  }

  private static boolean fits(Expr item, Expr.Record tuple) {
    return item instanceof Expr.Record r && r.fields().size() == tuple.fields().size();
  }
}
