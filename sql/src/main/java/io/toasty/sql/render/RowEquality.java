package io.toasty.sql.render;

import io.toasty.stmt.ExprNode;
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
  static ExprNode compare(ExprNode.CompareOp op, List<ExprNode> left, List<ExprNode> right) {
    List<ExprNode> parts = new ArrayList<>(left.size());
    for (int i = 0; i < left.size(); i++) {
      parts.add(new ExprNode.Compare(op, left.get(i), right.get(i)));
    }
    return op == ExprNode.CompareOp.EQ ? new ExprNode.And(parts) : new ExprNode.Or(parts);
  }

  /** {@code operand IN (items)}, each item a row of the operand's size; not empty. */
  static ExprNode in(List<ExprNode> operand, List<ExprNode.Record> items) {
    List<ExprNode> any = new ArrayList<>(items.size());
    for (ExprNode.Record item : items) {
      any.add(compare(ExprNode.CompareOp.EQ, operand, item.fields()));
    }
    return new ExprNode.Or(any);
  }
}
