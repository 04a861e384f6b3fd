package io.toasty.planner.eval;

import io.toasty.error.DivisionByZeroException;
import io.toasty.error.NumericOverflowException;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * {@code + - * / %} on number values with SQL's rules, widening to the wider operand's kind:
 * NULL if either side is NULL; integers in 64 bits, an overflow a
 * {@link NumericOverflowException};
 * integer division truncates toward zero and a remainder takes the dividend's sign; a division or
 * remainder of a non-NULL value by zero (integer, decimal or floating point) is a
 * {@link DivisionByZeroException}, as the databases raise it.
 */
final class Arithmetic {
  private Arithmetic() {}

  static Value apply(ExprNode.ArithOp op, Value l, Value r) {
    try {
      return exact(op, l, r);
    } catch (ArithmeticException e) {
      throw new NumericOverflowException("engine", l + " " + op.symbol() + " " + r + ": "
          + e.getMessage(), e);
    }
  }

  @SuppressWarnings("NullAway") // a numeric Value's toJava() is its Number, never null
  private static Value exact(ExprNode.ArithOp op, Value l, Value r) {
    if (l.isNull() || r.isNull()) {
      return Value.NULL;
    }
    if ((op == ExprNode.ArithOp.DIV || op == ExprNode.ArithOp.MOD) && isZero(r)) {
      throw new DivisionByZeroException("engine", null, l.toJava() + " " + op.symbol() + " "
          + r.toJava() + ": division by zero", null);
    }
    if (ValueOrder.isInteger(l) && ValueOrder.isInteger(r)) {
      return integer(op, ((Number) l.toJava()).longValue(), ((Number) r.toJava()).longValue());
    }
    if (l instanceof Value.Decimal || r instanceof Value.Decimal) {
      return decimal(op, ValueOrder.decimal(l), ValueOrder.decimal(r));
    }
    double a = ((Number) l.toJava()).doubleValue();
    double b = ((Number) r.toJava()).doubleValue();
    return new Value.F64(switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case MOD -> a % b;
    });
  }

  private static Value integer(ExprNode.ArithOp op, long a, long b) {
    return new Value.I64(switch (op) {
      case ADD -> Math.addExact(a, b);
      case SUB -> Math.subtractExact(a, b);
      case MUL -> Math.multiplyExact(a, b);
      case DIV -> {
        if (a == Long.MIN_VALUE && b == -1) {
          throw new ArithmeticException("long overflow");
        }
        yield a / b;
      }
      case MOD -> b == -1 ? 0 : a % b;
    });
  }

  private static Value decimal(ExprNode.ArithOp op, BigDecimal a, BigDecimal b) {
    return new Value.Decimal(switch (op) {
      case ADD -> a.add(b);
      case SUB -> a.subtract(b);
      case MUL -> a.multiply(b);
      case DIV -> a.divide(b, MathContext.DECIMAL64);
      case MOD -> a.remainder(b);
    });
  }

  /** Whether the number {@code v} is zero (of any kind, {@code -0.0} included). */
  @SuppressWarnings("NullAway") // a numeric Value's toJava() is its Number, never null
  private static boolean isZero(Value v) {
    return v instanceof Value.Decimal d ? d.value().signum() == 0
        : ((Number) v.toJava()).doubleValue() == 0;
  }
}
