/** Translation of driver errors into the library's typed exceptions. */
package io.toasty.r2dbc.error;
