package io.toasty.vertx.blockhound;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound about two waits in Vert.x that are not blocking I/O. vertx-sql-client's cursor
 * names: each {@code Cursor.read} of a new cursor names it with {@code UUID.randomUUID()}, whose
 * {@code SecureRandom} reads a buffered {@code /dev/urandom} (a read that never waits). And
 * Vert.x's own close, which shuts its worker pool down from an event loop: the executor's
 * {@code shutdownNow} takes the queue's lock, and parks when a worker holds it at that moment.
 * Reported as blocking, the close failed on the event loop and never completed, so the driver's
 * close waited out its bound (seen about once in 400 closes, in MariaDbFidelityTest). Loaded by
 * BlockHound through {@code ServiceLoader} when BlockHound is installed (tests).
 */
public final class VertxSqlBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("io.vertx.sqlclient.impl.CursorImpl", "read");
    builder.allowBlockingCallsInside("io.vertx.core.internal.WorkerPool", "close");
  }
}
