/**
 * The database side of the schema: tables, columns, indexes and foreign keys, in the order they
 * are created.
 */
@NullMarked
package io.toasty.schema.db;

import org.jspecify.annotations.NullMarked;
