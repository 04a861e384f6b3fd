package io.toasty.vertx.blockhound;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound about vertx-sql-client's cursor names: each {@code Cursor.read} of a new
 * cursor names it with {@code UUID.randomUUID()}, whose {@code SecureRandom} reads a buffered
 * {@code /dev/urandom} (a read that never waits). Loaded by BlockHound through
 * {@code ServiceLoader} when BlockHound is installed (tests).
 */
public final class VertxSqlBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("io.vertx.sqlclient.impl.CursorImpl", "read");
  }
}
