package io.toasty;

import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Builds {@code (a, b, ..) IN ((v1, w1, ..), ..)} for the tuple expressions. */
final class TupleIn {
  private TupleIn() {}

  /** The condition that the tuple of {@code operands} equals one of {@code rows}. */
  static Condition of(List<? extends Expr<?>> operands, List<List<Object>> rows) {
    List<ExprNode> fields = new ArrayList<>(operands.size());
    operands.forEach(o -> fields.add(o.node()));
    List<ExprNode> items = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      List<ExprNode> values = new ArrayList<>(row.size());
      row.forEach(v -> values.add(new ExprNode.Const(Value.of(v))));
      items.add(new ExprNode.Record(values));
    }
    return new Condition(new ExprNode.InList(
        new ExprNode.Record(fields), items));
  }
}
