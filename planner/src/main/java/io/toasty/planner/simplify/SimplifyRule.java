package io.toasty.planner.simplify;

import io.toasty.stmt.ExprNode;
import org.jspecify.annotations.Nullable;

/**
 * One rewrite: given a node, either an equivalent simpler node or {@code null} for "no rewrite".
 * Rules look at one node (and its direct children); {@link Simplify} applies them to a fixpoint.
 */
@FunctionalInterface
public interface SimplifyRule {

  /** The rewrite of {@code e}, or {@code null}. */
  @Nullable ExprNode apply(ExprNode e, SimplifyContext cx);
}
