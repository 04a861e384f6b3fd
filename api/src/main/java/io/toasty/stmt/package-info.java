/**
 * The untyped statement tree: plain records and sealed interfaces that the typed builders of
 * {@code io.toasty} produce and the planner's passes transform.
 *
 * <p>Where a node stands for the same concept as a typed builder that users write
 * ({@code io.toasty.Update} builds an {@link io.toasty.stmt.UpdateNode}, {@code io.toasty.Expr}
 * builds an {@link io.toasty.stmt.ExprNode}), its name ends in {@code Node}, so no two types share
 * a simple name and code that uses both needs no fully-qualified name.
 */
@NullMarked
package io.toasty.stmt;

import org.jspecify.annotations.NullMarked;
