/**
 * Watching statements: a {@link io.toasty.reactive.observe.StatementObserver} sees each statement
 * a {@code Db} runs; logging and Micrometer observers, pool and transaction metrics.
 */
@NullMarked
package io.toasty.reactive.observe;

import org.jspecify.annotations.NullMarked;
