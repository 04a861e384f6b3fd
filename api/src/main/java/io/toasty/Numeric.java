package io.toasty;

import io.toasty.error.DivisionByZeroException;
import io.toasty.error.DriverException;
import io.toasty.stmt.ExprNode.ArithOp;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A numeric expression: a number field ({@link NumberPath}) or arithmetic over them
 * ({@link NumberExpr}). Arithmetic works in filters, orders and update assignments:
 *
 * <pre>{@code
 * Players.filter(Players.SCORE.plus(Players.BONUS).gt(100))
 * Players.all().orderBy(Players.SCORE.times(2).minus(Players.BONUS).desc())
 * Players.filter(Players.ID.eq(id)).update().score(Players.SCORE.plus(1)).exec(db)
 * }</pre>
 *
 * <p>SQL's rules hold on every backend: NULL if either side is NULL; integer division truncates
 * toward zero and a remainder has the dividend's sign; a division or remainder of a non-NULL
 * value by zero fails with a {@link DivisionByZeroException}; an overflow of the database's
 * integer type fails with a {@link DriverException}. The result's Java type is the left
 * operand's: to compare or combine fields of different widths, widen one first
 * ({@code Players.SCORE.asLong().lt(Players.TOTAL)}).
 *
 * @param <T> the Java type of the expression's values
 */
public interface Numeric<T extends Number> {

  /** The untyped node. */
  ExprNode node();

  /** The type the expression evaluates to. */
  Type type();

  /** {@code this + amount}. */
  default NumberExpr<T> plus(T amount) {
    return arith(ArithOp.ADD, value(amount));
  }

  /** {@code this + other}. */
  default NumberExpr<T> plus(Numeric<?> other) {
    return arith(ArithOp.ADD, other.node());
  }

  /** {@code this - amount}. */
  default NumberExpr<T> minus(T amount) {
    return arith(ArithOp.SUB, value(amount));
  }

  /** {@code this - other}. */
  default NumberExpr<T> minus(Numeric<?> other) {
    return arith(ArithOp.SUB, other.node());
  }

  /** {@code this * factor}. */
  default NumberExpr<T> times(T factor) {
    return arith(ArithOp.MUL, value(factor));
  }

  /** {@code this * other}. */
  default NumberExpr<T> times(Numeric<?> other) {
    return arith(ArithOp.MUL, other.node());
  }

  /** {@code this / divisor}: truncated for integers; NULL when the divisor is zero. */
  default NumberExpr<T> div(T divisor) {
    return arith(ArithOp.DIV, value(divisor));
  }

  /** {@code this / other}: truncated for integers; NULL when {@code other} is zero. */
  default NumberExpr<T> div(Numeric<?> other) {
    return arith(ArithOp.DIV, other.node());
  }

  /** {@code this % divisor}, with the sign of this; NULL when the divisor is zero. */
  default NumberExpr<T> mod(T divisor) {
    return arith(ArithOp.MOD, value(divisor));
  }

  /** {@code this % other}, with the sign of this; NULL when {@code other} is zero. */
  default NumberExpr<T> mod(Numeric<?> other) {
    return arith(ArithOp.MOD, other.node());
  }

  /** This expression seen as a {@code long} one, to compare or combine with long fields. */
  default NumberExpr<Long> asLong() {
    return new NumberExpr<>(node(), Type.Scalar.I64);
  }

  /** This expression seen as a {@code double} one. */
  default NumberExpr<Double> asDouble() {
    return new NumberExpr<>(node(), Type.Scalar.F64);
  }

  /** This expression seen as a {@code BigDecimal} one. */
  default NumberExpr<BigDecimal> asDecimal() {
    return new NumberExpr<>(node(), Type.Scalar.DECIMAL);
  }

  /** Ascending order on this expression (SQL backends; DynamoDB orders by its sort key only). */
  default Order asc() {
    return new Order(new OrderBy(node(), OrderBy.Direction.ASC));
  }

  /** Descending order on this expression. */
  default Order desc() {
    return new Order(new OrderBy(node(), OrderBy.Direction.DESC));
  }

  private NumberExpr<T> arith(ArithOp op, ExprNode right) {
    return new NumberExpr<>(new ExprNode.Arith(op, node(), right), type());
  }

  private static ExprNode value(Number n) {
    return new ExprNode.Const(Value.of(Objects.requireNonNull(n, "amount")));
  }
}
