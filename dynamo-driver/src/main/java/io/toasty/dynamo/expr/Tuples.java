package io.toasty.dynamo.expr;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Tuple comparisons as scalar ones, with SQL's row-comparison semantics: {@code (a, b) = (x, y)}
 * is {@code a = x AND b = y}; {@code (a, b) < (x, y)} is {@code a < x OR (a = x AND b < y)}.
 */
final class Tuples {
  private Tuples() {}

  static ExprNode compare(CompareOp op, List<ExprNode> left, List<ExprNode> right) {
    if (left.size() != right.size()) {
      throw new IllegalArgumentException("tuples of " + left.size() + " and " + right.size()
          + " fields compared");
    }
    int n = left.size();
    List<ExprNode> terms = new ArrayList<>();
    switch (op) {
      case EQ, NE -> {
        for (int i = 0; i < n; i++) {
          terms.add(new ExprNode.Compare(op, left.get(i), right.get(i)));
        }
        return op == CompareOp.EQ ? new ExprNode.And(terms) : new ExprNode.Or(terms);
      }
      default -> {
        CompareOp strict = op == CompareOp.LT || op == CompareOp.LE ? CompareOp.LT : CompareOp.GT;
        for (int k = 0; k < n; k++) {
          List<ExprNode> branch = new ArrayList<>();
          for (int i = 0; i < k; i++) {
            branch.add(new ExprNode.Compare(CompareOp.EQ, left.get(i), right.get(i)));
          }
          branch.add(new ExprNode.Compare(k < n - 1 ? strict : op, left.get(k), right.get(k)));
          terms.add(new ExprNode.And(branch));
        }
        return new ExprNode.Or(terms);
      }
    }
  }
}
