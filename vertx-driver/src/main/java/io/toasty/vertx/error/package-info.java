/** What the Vert.x SQL clients' errors tell, for the shared translation into typed exceptions. */
@NullMarked
package io.toasty.vertx.error;

import org.jspecify.annotations.NullMarked;
