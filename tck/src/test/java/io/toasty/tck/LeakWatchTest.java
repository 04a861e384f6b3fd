package io.toasty.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The leak watch finds a buffer dropped without a release: {@link LeakWatch#collect()} must
 * have the garbage collector clear it and the detector poll it, in whatever way the test JVM's
 * explicit collections run (the TCK's runs them concurrently, see the pom).
 */
@ResourceLock(LeakWatch.LEVEL)
class LeakWatchTest {
  @Test
  void aBufferDroppedWithoutReleaseIsReportedAfterCollect() {
    LeakWatch.install();
    LeakWatch.collect();
    LeakWatch.paranoid(() -> {
      for (int i = 0; i < 10; i++) {
        leak();
      }
      LeakWatch.collect();
      LeakWatch.collect();
    });
    assertFalse(LeakWatch.leaks().isEmpty(), "no leak reported for ten dropped buffers");
    LeakWatch.clear();
  }

  /** A buffer allocated, written and dropped, in a frame of its own so nothing keeps it. */
  private static void leak() {
    ByteBuf lost = ByteBufAllocator.DEFAULT.buffer(64);
    lost.writeInt(42);
  }
}
