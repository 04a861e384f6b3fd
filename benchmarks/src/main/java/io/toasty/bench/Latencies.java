package io.toasty.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latencies of single operations inside a concurrent benchmark, recorded during measurement
 * iterations only, and written as percentiles next to JMH's results when the fork ends. JMH's
 * own percentiles would be those of a whole burst of subscribers, not of one request.
 *
 * <p>Recording is lock-free (a slot per operation); past {@link #CAPACITY} operations the
 * latest overwrite the oldest, which keeps memory bounded and the sample recent.
 */
final class Latencies {
  /** Results directory and round, passed to each fork by {@code Main}. */
  static final String RESULTS = "bench.results";
  static final String ROUND = "bench.round";
  private static final int CAPACITY = 1 << 20;

  private final AtomicLongArray nanos = new AtomicLongArray(CAPACITY);
  private final AtomicInteger count = new AtomicInteger();
  private volatile boolean recording;

  void start() {
    recording = true;
  }

  void stop() {
    recording = false;
  }

  /** Records one operation that started at {@code startNanos} and has just ended. */
  void record(long startNanos) {
    if (recording) {
      long took = System.nanoTime() - startNanos;
      nanos.set(Math.floorMod(count.getAndIncrement(), CAPACITY), took);
    }
  }

  /**
   * Writes {@code latency-<name>-r<round>.json} (operations, p50, p99, p99.9 in microseconds)
   * into the results directory, when {@code Main} named one.
   */
  void write(String name) {
    String dir = System.getProperty(RESULTS);
    if (dir == null) {
      return;
    }
    int n = Math.min(count.get(), CAPACITY);
    long[] sorted = new long[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = nanos.get(i);
    }
    Arrays.sort(sorted);
    String json = String.format(Locale.ROOT,
        "{\"operations\": %d, \"p50\": %.1f, \"p99\": %.1f, \"p999\": %.1f}%n", count.get(),
        at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999));
    Path file = Path.of(dir, "latency-" + name + "-r" + System.getProperty(ROUND, "0")
        + ".json");
    try {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code q} quantile in microseconds (nearest rank), or NaN without samples. */
  private static double at(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(rank, sorted.length - 1))] / 1_000.0;
  }
}
