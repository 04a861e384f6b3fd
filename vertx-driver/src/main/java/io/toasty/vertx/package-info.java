/**
 * The SQL driver over the Vert.x reactive SQL clients: {@code vertx:postgresql://..},
 * {@code vertx:mariadb://..} and {@code vertx:mysql://..} URLs, Vert.x's own pool, rows read
 * from cursors with the subscriber's demand. Dialects, rendering,
 * value conversion, error translation and the order of a connection's operations are toasty-sql's,
 * shared with the R2DBC transport.
 */
@NullMarked
package io.toasty.vertx;

import org.jspecify.annotations.NullMarked;
