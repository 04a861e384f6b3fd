/**
 * The plan cache and its key: literal values become argument slots ({@link
 * io.toasty.planner.cache.Parameterize}), the rest is the statement's shape.
 */
@NullMarked
package io.toasty.planner.cache;

import org.jspecify.annotations.NullMarked;
