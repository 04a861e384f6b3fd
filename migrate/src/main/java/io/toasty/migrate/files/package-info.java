/**
 * Migration files, read and written: a folder or the class path
 * ({@link io.toasty.migrate.files.MigrationSource}) holding per backend its
 * {@code V<n>__<name>} and undo files in the backend's format
 * ({@link io.toasty.migrate.files.ScriptFormat}).
 */
@NullMarked
package io.toasty.migrate.files;

import org.jspecify.annotations.NullMarked;
