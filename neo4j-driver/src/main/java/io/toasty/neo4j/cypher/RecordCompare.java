package io.toasty.neo4j.cypher;

import io.toasty.stmt.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison of two records (composite keys, keyset cursors) spelled out field by field, since
 * Cypher compares lists with its own rules for NULL: {@code (a, b) < (x, y)} is
 * {@code a < x OR (a = x AND b < y)}.
 */
final class RecordCompare {
  private RecordCompare() {}

  static Expr expand(Expr.CompareOp op, List<Expr> left, List<Expr> right) {
    switch (op) {
      case EQ -> {
        return new Expr.And(equalities(left, right, left.size()));
      }
      case NE -> {
        return new Expr.Not(new Expr.And(equalities(left, right, left.size())));
      }
      default -> {
        Expr.CompareOp strict = switch (op) {
          case LE, LT -> Expr.CompareOp.LT;
          default -> Expr.CompareOp.GT;
        };
        boolean orEqual = op == Expr.CompareOp.LE || op == Expr.CompareOp.GE;
        List<Expr> branches = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
          List<Expr> terms = equalities(left, right, i);
          boolean last = i == left.size() - 1;
          terms.add(new Expr.Compare(last && orEqual ? op : strict, left.get(i), right.get(i)));
          branches.add(new Expr.And(terms));
        }
        return new Expr.Or(branches);
      }
    }
  }

  private static List<Expr> equalities(List<Expr> left, List<Expr> right, int count) {
    List<Expr> terms = new ArrayList<>(count + 1);
    for (int i = 0; i < count; i++) {
      terms.add(Expr.eq(left.get(i), right.get(i)));
    }
    return terms;
  }
}
