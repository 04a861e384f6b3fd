/**
 * What changed: between two snapshots, as the steps of a migration
 * ({@link io.toasty.migrate.diff.SchemaDiff}), and between the models and a live database, as
 * drift ({@link io.toasty.migrate.diff.LiveDiff}).
 */
@NullMarked
package io.toasty.migrate.diff;

import org.jspecify.annotations.NullMarked;
