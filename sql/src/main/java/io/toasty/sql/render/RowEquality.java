package io.toasty.sql.render;

import io.toasty.stmt.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Row-value equality and membership spelled field by field, for a dialect whose row values lose
 * SQL's three-valued logic when a component is NULL (H2 makes {@code ('b', NULL) = ('a', 5)}
 * UNKNOWN, where the standard makes it FALSE because {@code 'b' <> 'a'}): {@code (a, b) = (x, y)}
 * is {@code a = x AND b = y}, {@code <>} the OR of {@code <>}, and {@code (a, b) IN (r1, r2)}
 * the OR of each row's equality, which is the standard's definition of each.
 */
final class RowEquality {
  private RowEquality() {}

  /** {@code left op right} ({@code =} or {@code <>}) for lists of one size. */
  static Expr compare(Expr.CompareOp op, List<Expr> left, List<Expr> right) {
    List<Expr> parts = new ArrayList<>(left.size());
    for (int i = 0; i < left.size(); i++) {
      parts.add(new Expr.Compare(op, left.get(i), right.get(i)));
    }
    return op == Expr.CompareOp.EQ ? new Expr.And(parts) : new Expr.Or(parts);
  }

  /** {@code operand IN (items)}, each item a row of the operand's size; not empty. */
  static Expr in(List<Expr> operand, List<Expr.Record> items) {
    List<Expr> any = new ArrayList<>(items.size());
    for (Expr.Record item : items) {
      any.add(compare(Expr.CompareOp.EQ, operand, item.fields()));
    }
    return new Expr.Or(any);
  }
}
