/**
 * Execution planning: actions over numbered variables with reader counts, the streaming result
 * chain, and whether a transaction is needed.
 */
@NullMarked
package io.toasty.planner.action;

import org.jspecify.annotations.NullMarked;
