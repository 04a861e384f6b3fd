package io.toasty;

import io.toasty.stmt.Expr.ArithOp;
import io.toasty.value.Type;

/**
 * A numeric field: a {@link Path} with arithmetic for update expressions.
 *
 * <pre>{@code
 * Users.filterById(1L).update().loginCount(Users.LOGIN_COUNT.plus(1)).exec(db)
 * }</pre>
 */
public class NumberPath<T extends Number> extends Path<T> {

  public NumberPath(String model, int index, String name, Type type) {
    super(model, index, name, type);
  }

  /** {@code this + amount}. */
  public final Expr<T> plus(T amount) {
    return arith(ArithOp.ADD, amount);
  }

  /** {@code this - amount}. */
  public final Expr<T> minus(T amount) {
    return arith(ArithOp.SUB, amount);
  }

  private Expr<T> arith(ArithOp op, T amount) {
    return new Expr<>(new io.toasty.stmt.Expr.Arith(op, node(), literal(amount)), type());
  }
}
