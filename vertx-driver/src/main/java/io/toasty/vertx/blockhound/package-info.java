/**
 * What the Vert.x transport tells BlockHound: the calls inside vertx-sql-client that look
 * blocking but are not, registered through
 * {@code META-INF/services/reactor.blockhound.integration.BlockHoundIntegration}.
 */
@NullMarked
package io.toasty.vertx.blockhound;

import org.jspecify.annotations.NullMarked;
