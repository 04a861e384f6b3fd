package io.toasty;

import io.toasty.error.NumericOverflowException;
import io.toasty.stmt.ExprNode.AggOp;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import java.math.BigDecimal;

/**
 * Aggregates, for {@link Select#select} with or without {@link Projected#groupBy}. Result types
 * follow SQL and are the same on every backend: a count is a {@code Long}; {@link #sum} of
 * integers a {@code Long} (an overflow beyond 64 bits is a {@link NumericOverflowException});
 * {@link #sumDouble} and {@link #avg} a {@code Double}; {@link #sumDecimal} and
 * {@link #avgDecimal} a {@code BigDecimal}; {@link #min} and {@link #max} the operand's type.
 * NULLs are skipped; over no value, a count is 0 and every other aggregate NULL ({@code null}).
 *
 * <pre>{@code
 * Scores.all().select(Scores.TAG, Agg.count(), Agg.sum(Scores.POINTS))
 *     .groupBy(Scores.TAG).having(Agg.count().gt(1L)).stream(db)   // Flux<Tuple3<..>>
 * }</pre>
 *
 * <p>SQL backends compute them in the database; DynamoDB streams the query's items through the
 * engine, which keeps one accumulator per aggregate per group ({@code explain()} shows a
 * {@code GroupRows} step).
 */
public final class Agg {
  private Agg() {}

  /** {@code COUNT(*)}: the rows of the group. */
  public static NumberExpr<Long> count() {
    return of(AggOp.COUNT_ALL, ExprNode.TRUE, false, Type.Scalar.I64);
  }

  /** {@code COUNT(e)}: the rows where {@code e} is not NULL. */
  public static NumberExpr<Long> count(Expr<?> e) {
    return of(AggOp.COUNT, e.node(), false, Type.Scalar.I64);
  }

  /** {@code COUNT(DISTINCT e)}: the distinct non-NULL values of {@code e}. */
  public static NumberExpr<Long> countDistinct(Expr<?> e) {
    return of(AggOp.COUNT, e.node(), true, Type.Scalar.I64);
  }

  /** {@code SUM(e)} of an integer expression, as a {@code Long}. */
  public static NumberExpr<Long> sum(Numeric<?> e) {
    return of(AggOp.SUM, e.node(), false, Type.Scalar.I64);
  }

  /** {@code SUM(DISTINCT e)} of an integer expression. */
  public static NumberExpr<Long> sumDistinct(Numeric<?> e) {
    return of(AggOp.SUM, e.node(), true, Type.Scalar.I64);
  }

  /** {@code SUM(e)} of any number expression, as a {@code Double}. */
  public static NumberExpr<Double> sumDouble(Numeric<?> e) {
    return of(AggOp.SUM_DOUBLE, e.node(), false, Type.Scalar.F64);
  }

  /** {@code SUM(e)} of any number expression, exact, as a {@code BigDecimal}. */
  public static NumberExpr<BigDecimal> sumDecimal(Numeric<?> e) {
    return of(AggOp.SUM_DECIMAL, e.node(), false, Type.Scalar.DECIMAL);
  }

  /** {@code AVG(e)}, computed in doubles, as a {@code Double}. */
  public static NumberExpr<Double> avg(Numeric<?> e) {
    return of(AggOp.AVG, e.node(), false, Type.Scalar.F64);
  }

  /** {@code AVG(e)} in decimals, as a {@code BigDecimal} (16 significant digits in the engine). */
  public static NumberExpr<BigDecimal> avgDecimal(Numeric<?> e) {
    return of(AggOp.AVG_DECIMAL, e.node(), false, Type.Scalar.DECIMAL);
  }

  /**
   * {@code MIN(e)}: the least value, by the type's order, as {@code e}'s Java type (an enum
   * field's constant: enums order by their stored names). Types without an order (byte arrays,
   * collections, JSON documents, embedded and sealed values) do not compile.
   */
  public static <T extends Comparable<? super T>> Expr<T> min(Expr<T> e) {
    return new Expr<>(new ExprNode.Aggregate(AggOp.MIN, e.node(), false), e.type(), e);
  }

  /** {@code MAX(e)}: the greatest value, by the type's order, as {@code e}'s Java type. */
  public static <T extends Comparable<? super T>> Expr<T> max(Expr<T> e) {
    return new Expr<>(new ExprNode.Aggregate(AggOp.MAX, e.node(), false), e.type(), e);
  }

  private static <T extends Number> NumberExpr<T> of(AggOp op, ExprNode operand,
      boolean distinct, Type type) {
    return new NumberExpr<>(new ExprNode.Aggregate(op, operand, distinct), type);
  }
}
