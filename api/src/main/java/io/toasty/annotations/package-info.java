/**
 * The annotations that declare a model: {@link io.toasty.annotations.Model}, its key, columns,
 * indexes, relations and the values the library fills in.
 */
@NullMarked
package io.toasty.annotations;

import org.jspecify.annotations.NullMarked;
