/**
 * Schema push's DDL: the {@link io.toasty.sql.ddl DDL tree} a schema needs ({@link
 * io.toasty.sql.push.SchemaDdl}), and what existing tables lack of it, read from the catalog
 * ({@link io.toasty.sql.push.SchemaUpgrades}).
 */
@NullMarked
package io.toasty.sql.push;

import org.jspecify.annotations.NullMarked;
