package io.toasty.bench;

import com.sun.management.OperatingSystemMXBean;
import io.r2dbc.spi.ConnectionFactories;
import io.toasty.bench.fixture.Database;
import io.toasty.bench.report.RunInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/** What the page says about the machine, read from {@code /proc} and Git (read-only). */
final class Machine {
  private Machine() {}

  static void describe(RunInfo info) {
    info.cpus = Runtime.getRuntime().availableProcessors();
    info.cpuModel = lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    info.memory = lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal"))
        .map(l -> {
          long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
          return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
        }).findFirst().orElse("unknown");
    info.kernel = lines("/proc/version").stream().findFirst()
        .map(l -> l.split(" ").length > 2 ? "Linux " + l.split(" ")[2] : l).orElse("unknown");
    String head = command("git", "rev-parse", "--short", "HEAD");
    String dirty = command("git", "status", "--porcelain");
    info.commit = head.isEmpty() ? "unknown"
        : head + (dirty.isEmpty() ? "" : " (with uncommitted changes in the working tree)");
  }

  /** The 1, 5 and 15 minute load averages. */
  static String loadAverage() {
    List<String> l = lines("/proc/loadavg");
    if (l.isEmpty()) {
      return "unknown";
    }
    String[] f = l.get(0).split(" ");
    return f[0] + ", " + f[1] + ", " + f[2];
  }

  /** CPU time this JVM has used, all its threads, in nanoseconds. */
  static long processCpuNanos() {
    return ((OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Why {@code db} cannot be reached, or empty when a connection opens. */
  static Optional<String> reachable(Database db) {
    if (!db.sql()) {
      return Optional.empty();
    }
    try {
      Mono.from(ConnectionFactories.get(db.url()).create())
          .flatMap(c -> Mono.from(c.close()))
          .block(Duration.ofSeconds(10));
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(db.label() + " is not reachable at " + db.url() + ": " + e.getMessage());
    }
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String command(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
