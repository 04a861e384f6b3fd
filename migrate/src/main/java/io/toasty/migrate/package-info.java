/**
 * Versioned schema migrations: {@link io.toasty.migrate.MigrationGenerator} writes the next
 * migration of a folder from the models, {@link io.toasty.migrate.Migrator} applies and rolls
 * them back on a {@code Db} (docs/migrations.md).
 */
@NullMarked
package io.toasty.migrate;

import org.jspecify.annotations.NullMarked;
