/**
 * The models' schema at one version as a migration folder records it
 * ({@link io.toasty.migrate.snapshot.SchemaSnapshot}), and its JSON form.
 */
@NullMarked
package io.toasty.migrate.snapshot;

import org.jspecify.annotations.NullMarked;
