/** SQL dialects: everything that differs between SQL backends, in one place. */
@NullMarked
package io.toasty.sql.dialect;

import org.jspecify.annotations.NullMarked;
