/** Translation of driver errors into the library's typed exceptions. */
@NullMarked
package io.toasty.r2dbc.error;

import org.jspecify.annotations.NullMarked;
