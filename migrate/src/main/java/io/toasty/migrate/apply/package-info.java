/**
 * Applying and rolling back migration files on each backend, under its lock, with a history of
 * what is in effect: on one SQL connection ({@link io.toasty.migrate.apply.SqlMigrator}) or step
 * by step where schema changes commit one by one
 * ({@link io.toasty.migrate.apply.StepwiseMigrator}).
 */
@NullMarked
package io.toasty.migrate.apply;

import org.jspecify.annotations.NullMarked;
