package io.toasty.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JVM's context switches (voluntary and not) per thread name, digits folded ({@code
 * parallel-#}), read from Linux's {@code /proc/self/task}: how often each kind of thread was put
 * to sleep or woken.
 *
 * <p>Why: on 2 cores a thread woken per operation (a timer put on Reactor's parallel scheduler,
 * a cache's maintenance on the common pool) is latency on the measured path even when its own
 * work is nothing, and it shows in no CPU or allocation profile. Counts do not depend on load.
 */
final class Switches {
  private final Map<String, Long> total = new TreeMap<>();

  /** The switches so far, per thread name (threads that have ended are not counted). */
  static Map<String, Long> now() {
    Map<String, Long> out = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Paths.get("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "#");
          out.merge(name, switches(task), Long::sum);
        } catch (IOException ended) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static long switches(Path task) throws IOException {
    long n = 0;
    for (String line : Files.readAllLines(task.resolve("status"))) {
      if (line.startsWith("voluntary_ctxt_switches")
          || line.startsWith("nonvoluntary_ctxt_switches")) {
        n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return n;
  }

  /** Adds what happened between the readings {@code before} and {@code after}. */
  void add(Map<String, Long> before, Map<String, Long> after) {
    after.forEach((name, n) -> total.merge(name, n - before.getOrDefault(name, 0L), Long::sum));
  }

  /** Per operation, the thread kinds with at least 0.05 switches each, and the total. */
  String perOp(long ops) {
    StringBuilder out = new StringBuilder();
    long all = 0;
    for (Map.Entry<String, Long> e : total.entrySet()) {
      all += e.getValue();
      double per = e.getValue() / (double) ops;
      if (per >= 0.05) {
        out.append(String.format(Locale.ROOT, " %s=%.2f", e.getKey(), per));
      }
    }
    return out.append(String.format(Locale.ROOT, " total=%.2f", all / (double) ops)).toString();
  }
}
