package io.toasty;

import io.toasty.stmt.ExprNode;

/**
 * A belongs-to or has-one relation field ({@code Posts.AUTHOR}, {@code Users.PROFILE}): include
 * it, or filter by the related record's fields.
 *
 * <pre>{@code
 * Posts.filter(Posts.AUTHOR.is(Users.NAME.eq("Ann")))
 * }</pre>
 */
public final class ToOnePath<M, T> extends RelationPath<M, T> {

  public ToOnePath(String model, int index, String name, String target) {
    super(model, index, name, target);
  }

  /** There is a related record and it matches {@code condition}. */
  public Condition is(Expr<Boolean> condition) {
    return related(ExprNode.Quantifier.ANY, condition);
  }

  /** There is no related record, or it does not match {@code condition}. */
  public Condition isNot(Expr<Boolean> condition) {
    return related(ExprNode.Quantifier.NONE, condition);
  }

  /** There is a related record. */
  public Condition isPresent() {
    return is(new Condition(ExprNode.TRUE));
  }

  /** There is no related record. */
  public Condition isAbsent() {
    return isNot(new Condition(ExprNode.TRUE));
  }
}
