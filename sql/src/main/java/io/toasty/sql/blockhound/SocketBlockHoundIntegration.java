package io.toasty.sql.blockhound;

import java.net.SocketImpl;
import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound about the one blocking call the JDK makes when the first NIO socket of a JVM
 * is created: {@code SocketImpl}'s static initializer loads
 * {@code $JAVA_HOME/conf/net.properties} ({@code sun.net.NetProperties}), once. r2dbc-pool creates
 * connections on {@code Schedulers.single()}, and Vert.x on its event loop, so where Netty runs
 * on NIO (no native epoll on the class path) the first connection of a PostgreSQL or MySQL pool
 * opens its socket there. Loaded by
 * BlockHound through {@code ServiceLoader} when BlockHound is installed (tests).
 */
public final class SocketBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.allowBlockingCallsInside("java.net.SocketImpl", "usePlainSocketImpl");
  }
}
