package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.aggregateType;

import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Aggregates ({@code COUNT}, {@code SUM}, {@code MIN}/{@code MAX}, {@code AVG}), cast where the
 * backends' own result types differ.
 */
final class AggregateSql {
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;

  AggregateSql(SqlContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
  }

  /**
   * An aggregate, cast where the backends' own result types differ ({@code SUM} of integers:
   * BIGINT, NUMERIC or DECIMAL); AVG averages doubles, so that every backend keeps a double's
   * precision (MariaDB's AVG of integers would round to four decimals).
   */
  void aggregate(ExprNode.Aggregate a) {
    String distinct = a.distinct() ? "DISTINCT " : "";
    switch (a.op()) {
      case COUNT_ALL -> out.append("COUNT(*)");
      case COUNT -> aggregateCall("COUNT", distinct, a.operand(), null);
      case MIN, MAX -> leastOrGreatest(a, distinct);
      case SUM, SUM_DOUBLE, SUM_DECIMAL -> cast(aggregateType(a.op()),
          () -> aggregateCall("SUM", distinct, a.operand(), null));
      case AVG, AVG_DECIMAL -> aggregateCall("AVG", distinct, a.operand(),
          aggregateType(a.op()));
    }
  }

  /** {@code MIN}/{@code MAX} as the dialect writes them for the operand's type. */
  private void leastOrGreatest(ExprNode.Aggregate a, String distinct) {
    boolean min = a.op() == ExprNode.AggOp.MIN;
    Type type = ctx.typeOf(a.operand());
    switch (dialect.minMax(type)) {
      case NATIVE -> aggregateCall(a.op().name(), distinct, a.operand(), null);
      case BOOL_AND_OR -> aggregateCall(min ? "BOOL_AND" : "BOOL_OR", distinct, a.operand(), null);
      case BY_TEXT -> {
        out.append("CAST(");
        aggregateCall(a.op().name(), distinct, a.operand(), Type.Scalar.STRING);
        out.append(" AS ").append(dialect.columnType(
            Objects.requireNonNull(type, "BY_TEXT names a type"), false)).append(')');
      }
    }
  }

  private void aggregateCall(String fn, String distinct, ExprNode operand,
      @Nullable Type castOperand) {
    out.append(fn).append('(').append(distinct);
    if (castOperand == null) {
      ctx.expr(operand, null);
    } else {
      cast(castOperand, () -> ctx.expr(operand, null));
    }
    out.append(')');
  }

  private void cast(Type type, Runnable inner) {
    String name = dialect.castType(type);
    if (name == null) {
      inner.run();
      return;
    }
    out.append("CAST(");
    inner.run();
    out.append(" AS ").append(name).append(')');
  }
}
