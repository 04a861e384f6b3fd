/**
 * The DDL tree: tables, columns, indexes and foreign keys as plain records
 * ({@link io.toasty.sql.ddl.DdlTable}), the statements made of them
 * ({@link io.toasty.sql.ddl.DdlStatement}), and the one renderer that writes them in a dialect
 * ({@link io.toasty.sql.ddl.DdlRenderer}). Schema push ({@code io.toasty.sql.push}) builds them
 * from a schema, migrations ({@code toasty-migrate}) from a schema diff.
 */
@NullMarked
package io.toasty.sql.ddl;

import org.jspecify.annotations.NullMarked;
