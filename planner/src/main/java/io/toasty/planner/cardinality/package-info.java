/**
 * Cardinality guards: the checks that keep a relation's {@code @AtMost} limit and a required
 * has-one, planned beside the write.
 */
@NullMarked
package io.toasty.planner.cardinality;

import org.jspecify.annotations.NullMarked;
