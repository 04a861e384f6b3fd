package io.toasty.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class StuckThreadsTest {
  @Test
  void aBlockingReadsTimeoutAndATimeoutCauseAreTimeouts() {
    assertTrue(StuckThreads.timedOut(
        new IllegalStateException("Timeout on blocking read for 20000000000 NANOSECONDS")));
    assertTrue(StuckThreads.timedOut(new RuntimeException(new TimeoutException("late"))));
    assertFalse(StuckThreads.timedOut(new IllegalStateException("the lane is closed")));
  }

  @Test
  void theDumpNamesTheWaitAndTheCurrentThreadsFrames() {
    String dump = StuckThreads.dump("a test");
    assertTrue(dump.startsWith("[tck] threads when the wait ran out (a test)"), dump);
    assertTrue(dump.contains("\"" + Thread.currentThread().getName() + "\""), dump);
    assertTrue(dump.contains("StuckThreadsTest.theDumpNamesTheWaitAndTheCurrentThreadsFrames"),
        dump);
  }
}
