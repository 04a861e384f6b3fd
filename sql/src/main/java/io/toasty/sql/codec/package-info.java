/**
 * Conversion between the library's values and the Java objects SQL transports bind and return,
 * shared by the R2DBC and Vert.x transports.
 */
@NullMarked
package io.toasty.sql.codec;

import org.jspecify.annotations.NullMarked;
