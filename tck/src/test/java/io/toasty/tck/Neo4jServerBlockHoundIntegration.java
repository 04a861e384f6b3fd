package io.toasty.tck;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Keeps BlockHound off the threads of the Neo4j server that {@link Neo4jBackend} runs inside this
 * JVM. In production the server is another process; here its Bolt I/O threads are Netty event
 * loops, which Netty's own integration marks non-blocking, yet the server blocks on them by
 * design (its debug log, its lock waits). A blocking-call error raised there made the server drop
 * the Bolt connection, which the scenario then saw as a lost connection. The server's threads are
 * named {@code neo4j.*}; the driver's ({@code Neo4jDriverIO-*}) and the library's stay guarded.
 *
 * <p>Applied last (highest priority), so that it narrows what the other integrations mark.
 */
public final class Neo4jServerBlockHoundIntegration implements BlockHoundIntegration {
  static final String SERVER_THREAD_PREFIX = "neo4j.";

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.nonBlockingThreadPredicate(nonBlocking -> nonBlocking.and(
        thread -> !thread.getName().startsWith(SERVER_THREAD_PREFIX)));
    // The predicate alone did not exempt them: Neo4jServerThreadsTest saw a Netty thread named
    // neo4j.BoltNetworkIO-1 fail on Thread.sleep with it in place. The callback has the last
    // word on a blocking call, so the server's threads are let through here, and every other
    // thread fails as BlockHound's default callback fails it.
    builder.blockingMethodCallback(method -> {
      if (!Thread.currentThread().getName().startsWith(SERVER_THREAD_PREFIX)) {
        throw new BlockingOperationError(method);
      }
    });
  }

  @Override
  public int getPriority() {
    return Integer.MAX_VALUE;
  }
}
