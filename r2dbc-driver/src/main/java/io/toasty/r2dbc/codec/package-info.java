/** Conversions between values and the objects R2DBC drivers bind and return. */
@NullMarked
package io.toasty.r2dbc.codec;

import org.jspecify.annotations.NullMarked;
