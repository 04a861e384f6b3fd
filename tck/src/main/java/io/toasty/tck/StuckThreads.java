package io.toasty.tck;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeoutException;

/**
 * Prints where the library's threads stand when a scenario's bounded wait runs out. Why: a hang
 * seen once in CI rarely comes back on rerun, and a timeout alone says nothing about which
 * operator, lane or driver held it; the stacks of that moment do.
 */
final class StuckThreads {
  private StuckThreads() {}

  /** {@code error} unchanged; if it is a timed-out wait, the threads are printed first. */
  static RuntimeException onTimeout(RuntimeException error) {
    if (timedOut(error)) {
      System.out.println(dump(error.getMessage()));
    }
    return error;
  }

  static boolean timedOut(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof TimeoutException || (e instanceof IllegalStateException
          && String.valueOf(e.getMessage()).startsWith("Timeout on blocking read"))) {
        return true;
      }
    }
    return false;
  }

  /** Every live thread's state and stack (locks included), headed by {@code why}. */
  static String dump(String why) {
    StringBuilder out = new StringBuilder("[tck] threads when the wait ran out (" + why + "):\n");
    for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      out.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
      if (t.getLockName() != null) {
        out.append(" on ").append(t.getLockName());
      }
      out.append('\n');
      for (StackTraceElement frame : t.getStackTrace()) {
        out.append("    at ").append(frame).append('\n');
      }
    }
    return out.toString();
  }
}
