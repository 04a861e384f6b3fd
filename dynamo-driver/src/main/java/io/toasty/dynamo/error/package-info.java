/** SDK errors as the library's typed errors. */
@NullMarked
package io.toasty.dynamo.error;

import org.jspecify.annotations.NullMarked;
