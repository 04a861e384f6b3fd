package io.toasty.example.techempower.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One cell's figures: the successful requests answered in the measured window per second, their
 * median and 99th-percentile latency, and the failed ones (a status other than 200, or an error).
 *
 * @param cell the implementation, test, connections and round
 * @param began when the cell started (its warm-up)
 * @param seconds the measured window
 * @param requests successful requests in the window
 * @param errors failed requests in the window
 * @param p50Millis median latency
 * @param p99Millis 99th-percentile latency
 */
record CellResult(Cell cell, Instant began, double seconds,
    long requests, long errors, double p50Millis, double p99Millis) {

  /** The CSV file's first line. */
  static final String HEADER =
      "impl,test,connections,round,began,seconds,requests,errors,rps,p50_ms,p99_ms";

  static CellResult of(Cell cell, Instant began, Duration window, List<Recorder> recorders) {
    int total = recorders.stream().mapToInt(Recorder::count).sum();
    long errors = recorders.stream().mapToLong(Recorder::errors).sum();
    long[] all = new long[total];
    int at = 0;
    for (Recorder r : recorders) {
      at = r.copyTo(all, at);
    }
    Arrays.sort(all);
    return new CellResult(cell, began, window.toMillis() / 1000.0, total,
        errors, percentile(all, 0.50), percentile(all, 0.99));
  }

  /** The latency below which {@code fraction} of them lie, in milliseconds; 0 for none. */
  private static double percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  /** Requests per second. */
  double rps() {
    return requests / seconds;
  }

  String csv() {
    return String.join(",", cell.impl(), cell.test(), Integer.toString(cell.connections()),
        Integer.toString(cell.round()), began.toString(),
        LoadGenerator.decimal(seconds), Long.toString(requests), Long.toString(errors),
        LoadGenerator.decimal(rps()), LoadGenerator.decimal(p50Millis),
        LoadGenerator.decimal(p99Millis));
  }

  String describe() {
    return String.format(java.util.Locale.ROOT,
        "round %d %-13s %-9s c=%-4d %9.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d",
        cell.round(), cell.impl(), cell.test(), cell.connections(), rps(), p50Millis, p99Millis,
        errors);
  }
}
