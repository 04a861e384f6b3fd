/**
 * The typed API that users write: the generated entry classes build statements from these types
 * ({@code Select}, {@code Create}, {@code Update}, {@code Delete}, {@code Expr} and paths) and an
 * {@code Executor} runs them. Null is not a value unless a parameter or return says
 * {@code @Nullable}; an absent row is an empty {@code Mono} or an {@code Optional}.
 */
@NullMarked
package io.toasty;

import org.jspecify.annotations.NullMarked;
