package io.toasty.neo4j.cypher;

import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison of two records (composite keys, keyset cursors) spelled out field by field, since
 * Cypher compares lists with its own rules for NULL: {@code (a, b) < (x, y)} is
 * {@code a < x OR (a = x AND b < y)}.
 */
final class RecordCompare {
  private RecordCompare() {}

  static ExprNode expand(ExprNode.CompareOp op, List<ExprNode> left, List<ExprNode> right) {
    switch (op) {
      case EQ -> {
        return new ExprNode.And(equalities(left, right, left.size()));
      }
      case NE -> {
        return new ExprNode.Not(new ExprNode.And(equalities(left, right, left.size())));
      }
      default -> {
        ExprNode.CompareOp strict = switch (op) {
          case LE, LT -> ExprNode.CompareOp.LT;
          default -> ExprNode.CompareOp.GT;
        };
        boolean orEqual = op == ExprNode.CompareOp.LE || op == ExprNode.CompareOp.GE;
        List<ExprNode> branches = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
          List<ExprNode> terms = equalities(left, right, i);
          boolean last = i == left.size() - 1;
          terms.add(new ExprNode.Compare(last && orEqual ? op : strict, left.get(i), right.get(i)));
          branches.add(new ExprNode.And(terms));
        }
        return new ExprNode.Or(branches);
      }
    }
  }

  private static List<ExprNode> equalities(List<ExprNode> left, List<ExprNode> right, int count) {
    List<ExprNode> terms = new ArrayList<>(count + 1);
    for (int i = 0; i < count; i++) {
      terms.add(ExprNode.eq(left.get(i), right.get(i)));
    }
    return terms;
  }
}
