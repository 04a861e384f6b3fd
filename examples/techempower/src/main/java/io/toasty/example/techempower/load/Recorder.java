package io.toasty.example.techempower.load;

import java.util.Arrays;

/**
 * The latencies of one connection's requests that were sent and answered inside the measured
 * window; requests of the warm-up, or still running when the window closes, are not counted.
 * Written by one connection's loop only (one request in flight), read after the cell ends.
 */
final class Recorder {
  private final long from;
  private final long until;
  private long[] nanos = new long[1024];
  private int count;
  private int errors;

  Recorder(long from, long until) {
    this.from = from;
    this.until = until;
  }

  /** One request, sent at {@code sent} and answered at {@code done} (System.nanoTime). */
  void record(long sent, long done, boolean ok) {
    if (sent < from || done > until) {
      return;
    }
    if (!ok) {
      errors++;
      return;
    }
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = done - sent;
  }

  int count() {
    return count;
  }

  int errors() {
    return errors;
  }

  /** Copies the latencies into {@code into} from {@code at}; returns the next free index. */
  int copyTo(long[] into, int at) {
    System.arraycopy(nanos, 0, into, at, count);
    return at + count;
  }
}
