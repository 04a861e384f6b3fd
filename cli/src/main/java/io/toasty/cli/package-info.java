/** The {@code toasty} command line: migrations, schema diff and push, and plan explanation. */
@NullMarked
package io.toasty.cli;

import org.jspecify.annotations.NullMarked;
