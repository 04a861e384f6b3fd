package io.toasty.sql.render;

import io.toasty.stmt.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * A row-value ordering comparison {@code (a, b) > (x, y)} spelled without row values, for a
 * dialect that has none: {@code a > x OR (a = x AND b > y)}, the last field taking the
 * comparison's own operator (so {@code >=} keeps the equal row). Equal to the row-value form
 * whenever no operand is NULL, which is how the engine sends them (keyset pages).
 */
final class RowComparisons {
  private RowComparisons() {}

  /** Whether {@code op} orders rows (not {@code =} or {@code <>}). */
  static boolean orders(Expr.CompareOp op) {
    return op != Expr.CompareOp.EQ && op != Expr.CompareOp.NE;
  }

  /** The OR-chain of {@code left op right}, both lists of one size, {@code op} ordering. */
  static Expr expand(Expr.CompareOp op, List<Expr> left, List<Expr> right) {
    Expr.CompareOp strict = switch (op) {
      case LE, LT -> Expr.CompareOp.LT;
      case GE, GT -> Expr.CompareOp.GT;
      default -> throw new IllegalArgumentException("not an ordering comparison: " + op);
    };
    List<Expr> any = new ArrayList<>();
    List<Expr> equal = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      boolean last = i == left.size() - 1;
      List<Expr> branch = new ArrayList<>(equal);
      branch.add(new Expr.Compare(last ? op : strict, left.get(i), right.get(i)));
      any.add(branch.size() == 1 ? branch.get(0) : new Expr.And(branch));
      equal.add(new Expr.Compare(Expr.CompareOp.EQ, left.get(i), right.get(i)));
    }
    return any.size() == 1 ? any.get(0) : new Expr.Or(any);
  }
}
