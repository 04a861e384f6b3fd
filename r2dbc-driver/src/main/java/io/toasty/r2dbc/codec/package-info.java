/** Conversions between values and the objects R2DBC drivers bind and return. */
package io.toasty.r2dbc.codec;
