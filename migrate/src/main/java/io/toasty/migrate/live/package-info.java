/**
 * The live schema as each backend's catalog shows it ({@link io.toasty.migrate.live.LiveShape}),
 * so that a drift check compares like with like.
 */
@NullMarked
package io.toasty.migrate.live;

import org.jspecify.annotations.NullMarked;
