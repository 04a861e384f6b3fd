/** SQL dialects: everything that differs between SQL backends, in one place. */
package io.toasty.sql.dialect;
