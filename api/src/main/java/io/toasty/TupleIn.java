package io.toasty;

import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Builds {@code (a, b, ..) IN ((v1, w1, ..), ..)} for the tuple expressions. */
final class TupleIn {
  private TupleIn() {}

  /** The condition that the tuple of {@code operands} equals one of {@code rows}. */
  static Condition of(List<? extends Expr<?>> operands, List<List<Object>> rows) {
    List<io.toasty.stmt.Expr> fields = new ArrayList<>(operands.size());
    operands.forEach(o -> fields.add(o.node()));
    List<io.toasty.stmt.Expr> items = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      List<io.toasty.stmt.Expr> values = new ArrayList<>(row.size());
      row.forEach(v -> values.add(new io.toasty.stmt.Expr.Const(Value.of(v))));
      items.add(new io.toasty.stmt.Expr.Record(values));
    }
    return new Condition(new io.toasty.stmt.Expr.InList(
        new io.toasty.stmt.Expr.Record(fields), items));
  }
}
