/**
 * Translation of SQL drivers' errors into the library's typed exceptions, shared by every SQL
 * transport: each tells the SQLSTATE and fields of its own exceptions through
 * {@link io.toasty.sql.error.ServerErrors}.
 */
@NullMarked
package io.toasty.sql.error;

import org.jspecify.annotations.NullMarked;
