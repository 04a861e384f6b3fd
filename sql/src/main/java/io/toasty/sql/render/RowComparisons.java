package io.toasty.sql.render;

import io.toasty.stmt.ExprNode;
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
  static boolean orders(ExprNode.CompareOp op) {
    return op != ExprNode.CompareOp.EQ && op != ExprNode.CompareOp.NE;
  }

  /** The OR-chain of {@code left op right}, both lists of one size, {@code op} ordering. */
  static ExprNode expand(ExprNode.CompareOp op, List<ExprNode> left, List<ExprNode> right) {
    ExprNode.CompareOp strict = switch (op) {
      case LE, LT -> ExprNode.CompareOp.LT;
      case GE, GT -> ExprNode.CompareOp.GT;
      default -> throw new IllegalArgumentException("not an ordering comparison: " + op);
    };
    List<ExprNode> any = new ArrayList<>();
    List<ExprNode> equal = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      boolean last = i == left.size() - 1;
      List<ExprNode> branch = new ArrayList<>(equal);
      branch.add(new ExprNode.Compare(last ? op : strict, left.get(i), right.get(i)));
      any.add(branch.size() == 1 ? branch.get(0) : new ExprNode.And(branch));
      equal.add(new ExprNode.Compare(ExprNode.CompareOp.EQ, left.get(i), right.get(i)));
    }
    return any.size() == 1 ? any.get(0) : new ExprNode.Or(any);
  }
}
