package io.toasty.tck;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * {@link Neo4jServerBlockHoundIntegration} exempts the in-JVM Neo4j server's threads, and only
 * them: a Netty thread named as the server names its Bolt I/O threads may block (the server
 * writes its debug log there), one named as the Neo4j driver's may not.
 */
class Neo4jServerThreadsTest {
  static {
    BlockHound.install();
  }

  @Test
  void theServersBoltThreadsMayBlockTheDriversMayNot() throws InterruptedException {
    assertNull(sleepOn("neo4j.BoltNetworkIO-1"), "a server thread is exempt");
    Throwable driver = sleepOn("Neo4jDriverIO-2-1");
    assertTrue(driver instanceof BlockingOperationError, () -> "the driver's thread is guarded, "
        + "got " + driver);
  }

  /** What sleeping on a Netty event-loop-like thread of that name throws, or null. */
  private static Throwable sleepOn(String name) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new FastThreadLocalThread(() -> {
      try {
        Thread.sleep(1);
      } catch (Throwable e) {
        thrown.set(e);
      }
    }, name);
    t.start();
    t.join();
    return thrown.get();
  }
}
