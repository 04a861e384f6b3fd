package io.toasty.dynamo.expr;

import io.toasty.stmt.Expr;
import io.toasty.stmt.Expr.CompareOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Tuple comparisons as scalar ones, with SQL's row-comparison semantics: {@code (a, b) = (x, y)}
 * is {@code a = x AND b = y}; {@code (a, b) < (x, y)} is {@code a < x OR (a = x AND b < y)}.
 */
final class Tuples {
  private Tuples() {}

  static Expr compare(CompareOp op, List<Expr> left, List<Expr> right) {
    if (left.size() != right.size()) {
      throw new IllegalArgumentException("tuples of " + left.size() + " and " + right.size()
          + " fields compared");
    }
    int n = left.size();
    List<Expr> terms = new ArrayList<>();
    switch (op) {
      case EQ, NE -> {
        for (int i = 0; i < n; i++) {
          terms.add(new Expr.Compare(op, left.get(i), right.get(i)));
        }
        return op == CompareOp.EQ ? new Expr.And(terms) : new Expr.Or(terms);
      }
      default -> {
        CompareOp strict = op == CompareOp.LT || op == CompareOp.LE ? CompareOp.LT : CompareOp.GT;
        for (int k = 0; k < n; k++) {
          List<Expr> branch = new ArrayList<>();
          for (int i = 0; i < k; i++) {
            branch.add(new Expr.Compare(CompareOp.EQ, left.get(i), right.get(i)));
          }
          branch.add(new Expr.Compare(k < n - 1 ? strict : op, left.get(k), right.get(k)));
          terms.add(new Expr.And(branch));
        }
        return new Expr.Or(terms);
      }
    }
  }
}
