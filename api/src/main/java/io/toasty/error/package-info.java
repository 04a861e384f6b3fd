/**
 * Every error the library raises, one class per kind, all under {@link
 * io.toasty.error.ToastyException}: each names the model, field or value at fault where there is
 * one, and says by {@link io.toasty.error.ErrorCategory} what a service answers for it (invalid
 * input, not found, conflict, unavailable, timeout, unsupported, internal). Migrations add their
 * own in {@code io.toasty.migrate}.
 */
@NullMarked
package io.toasty.error;

import org.jspecify.annotations.NullMarked;
