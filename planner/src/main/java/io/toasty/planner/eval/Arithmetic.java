package io.toasty.planner.eval;

import io.toasty.stmt.Expr;
import io.toasty.value.Value;

/** {@code +} and {@code -} on number values, widening to the wider operand's kind. */
final class Arithmetic {
  private Arithmetic() {}

  static Value apply(Expr.ArithOp op, Value l, Value r) {
    if (l.isNull() || r.isNull()) {
      return Value.NULL;
    }
    if (ValueOrder.isInteger(l) && ValueOrder.isInteger(r)) {
      long a = ((Number) l.toJava()).longValue();
      long b = ((Number) r.toJava()).longValue();
      return new Value.I64(op == Expr.ArithOp.ADD ? Math.addExact(a, b) : Math.subtractExact(a, b));
    }
    if (l instanceof Value.Decimal || r instanceof Value.Decimal) {
      return new Value.Decimal(op == Expr.ArithOp.ADD
          ? ValueOrder.decimal(l).add(ValueOrder.decimal(r))
          : ValueOrder.decimal(l).subtract(ValueOrder.decimal(r)));
    }
    double a = ((Number) l.toJava()).doubleValue();
    double b = ((Number) r.toJava()).doubleValue();
    return new Value.F64(op == Expr.ArithOp.ADD ? a + b : a - b);
  }
}
