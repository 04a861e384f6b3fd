package io.toasty;

import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A boolean expression: what {@code filter(..)} takes, combined with and/or/not. */
public final class Condition extends Expr<Boolean> {

  /** A condition over the given untyped node. */
  public Condition(ExprNode node) {
    super(node, Type.Scalar.BOOL);
  }

  /** The condition a boolean expression stands for (a boolean field, say). */
  public static Condition of(Expr<Boolean> expr) {
    return expr instanceof Condition c ? c : new Condition(expr.node());
  }

  /** {@code this AND other}. */
  public Condition and(Expr<Boolean> other) {
    return all(List.of(this, other));
  }

  /** {@code this OR other}. */
  public Condition or(Expr<Boolean> other) {
    return any(List.of(this, other));
  }

  /** {@code NOT this}. */
  public Condition not() {
    return new Condition(new ExprNode.Not(node()));
  }

  /** All of the conditions; none is true. */
  public static Condition all(List<? extends Expr<Boolean>> conditions) {
    return new Condition(new ExprNode.And(nodes(conditions)));
  }

  /** Any of the conditions; none is false. */
  public static Condition any(List<? extends Expr<Boolean>> conditions) {
    return new Condition(new ExprNode.Or(nodes(conditions)));
  }

  private static List<ExprNode> nodes(List<? extends Expr<Boolean>> conditions) {
    List<ExprNode> out = new ArrayList<>(conditions.size());
    for (Expr<Boolean> c : conditions) {
      out.add(Objects.requireNonNull(c, "condition").node());
    }
    return out;
  }
}
