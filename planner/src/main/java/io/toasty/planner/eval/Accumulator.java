package io.toasty.planner.eval;

import io.toasty.error.NumericOverflowException;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate of one group, fed value by value: NULLs skipped; SUM of integers exact in 64 bits
 * (an overflow is a {@link NumericOverflowException}); AVG in doubles (or decimals for
 * AVG_DECIMAL); MIN and MAX by the engine's value order; NULL when no value came (COUNT: 0).
 */
final class Accumulator {
  private final ExprNode.AggOp op;
  private final @Nullable Set<Value> seen;
  private long count;
  private long longSum;
  private double doubleSum;
  private BigDecimal decimalSum = BigDecimal.ZERO;
  private Value extreme = Value.NULL;

  Accumulator(ExprNode.AggOp op, boolean distinct) {
    this.op = op;
    this.seen = distinct ? new HashSet<>() : null;
  }

  @SuppressWarnings("NullAway") // a numeric Value's toJava() is its Number, never null
  void add(Value v) {
    if (v.isNull() || seen != null && !seen.add(v)) {
      return;
    }
    count++;
    switch (op) {
      case SUM -> {
        try {
          longSum = Math.addExact(longSum, ((Number) v.toJava()).longValue());
        } catch (ArithmeticException e) {
          throw new NumericOverflowException("engine", "sum beyond 64 bits", e);
        }
      }
      case SUM_DOUBLE, AVG -> doubleSum += ((Number) v.toJava()).doubleValue();
      case SUM_DECIMAL, AVG_DECIMAL -> decimalSum = decimalSum.add(ValueOrder.decimal(v));
      case MIN -> extreme = extreme.isNull() || ValueOrder.compare(v, extreme) < 0 ? v : extreme;
      case MAX -> extreme = extreme.isNull() || ValueOrder.compare(v, extreme) > 0 ? v : extreme;
      default -> { }
    }
  }

  Value result() {
    if (op == ExprNode.AggOp.COUNT || op == ExprNode.AggOp.COUNT_ALL) {
      return new Value.I64(count);
    }
    if (count == 0) {
      return Value.NULL;
    }
    return switch (op) {
      case SUM -> new Value.I64(longSum);
      case SUM_DOUBLE -> new Value.F64(doubleSum);
      case AVG -> new Value.F64(doubleSum / count);
      case SUM_DECIMAL -> new Value.Decimal(decimalSum);
      case AVG_DECIMAL -> new Value.Decimal(decimalSum.divide(BigDecimal.valueOf(count),
          MathContext.DECIMAL64));
      default -> extreme;
    };
  }
}
