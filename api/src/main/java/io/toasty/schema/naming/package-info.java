/**
 * Naming strategies: how a {@code Db} names the tables and columns (labels and properties) that
 * the models did not name themselves.
 */
@NullMarked
package io.toasty.schema.naming;

import org.jspecify.annotations.NullMarked;
