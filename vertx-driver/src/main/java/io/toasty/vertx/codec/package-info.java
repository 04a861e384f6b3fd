/** Conversion between the library's values and the Vert.x SQL clients' tuples and rows. */
@NullMarked
package io.toasty.vertx.codec;

import org.jspecify.annotations.NullMarked;
