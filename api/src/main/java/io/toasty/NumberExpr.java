package io.toasty;

import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;

/**
 * A computed number: arithmetic over number fields and values ({@code SCORE.plus(BONUS)}), to
 * compare, order by, or assign in an update. See {@link Numeric} for the rules.
 *
 * @param <T> the Java type of the expression's values (the left operand's)
 */
public final class NumberExpr<T extends Number> extends Expr<T> implements Numeric<T> {

  /** An expression of the given node and type; operators call this. */
  public NumberExpr(ExprNode node, Type type) {
    super(node, type);
  }
}
