/**
 * How each model's fields map to the columns of its table.
 */
@NullMarked
package io.toasty.schema.mapping;

import org.jspecify.annotations.NullMarked;
