package io.toasty.tck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the TCK's runs per backend from their display names ({@code [h2] ...}) and prints the
 * table when the run ends, also to {@code target/tck-backends.md}: how many scenarios ran on each
 * backend, how many of those assert an {@code UnsupportedFeatureException} because the backend
 * lacks a need, and how many failed; then, per scenario family (test class) and backend, how
 * many runs are real (run the scenario, not an expected refusal) out of how many; then how many
 * runs got a fresh database and how many one kept from an earlier run ({@link DatabaseTally}).
 * Registered
 * through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class BackendTally implements TestExecutionListener {
  private static final Pattern BACKEND = Pattern.compile("^\\[([a-z0-9-]+)] ");

  private static final Pattern FAMILY = Pattern.compile("\\[class:[\\w.$]*?\\.(\\w+)]");

  /** A test class's own unique id: it ends with its class segment. */
  private static final Pattern CLASS = Pattern.compile("\\[class:[\\w.$]*?\\.(\\w+)]$");

  /** Runs, unsupported-asserting runs, failures, aborted: per backend. */
  private final Map<String, int[]> counts = new TreeMap<>();
  /** Real runs and runs, per family, then per backend. */
  private final Map<String, Map<String, int[]>> families = new TreeMap<>();
  /** When each test or class still running started ({@link System#nanoTime()}), by unique id. */
  private final Map<String, Long> started = new HashMap<>();
  /** Run time in nanoseconds, per family, then per backend. */
  private final Map<String, Map<String, Long>> runNanos = new TreeMap<>();
  /** A family's class wall time in nanoseconds, from its start to its end. */
  private final Map<String, Long> classNanos = new TreeMap<>();

  @Override
  public synchronized void executionStarted(TestIdentifier test) {
    started.put(test.getUniqueId(), System.nanoTime());
  }

  @Override
  public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
    Long start = started.remove(test.getUniqueId());
    long nanos = start == null ? 0 : System.nanoTime() - start;
    if (!test.isTest()) {
      Matcher f = CLASS.matcher(test.getUniqueId());
      if (f.find()) {
        classNanos.merge(f.group(1), nanos, Long::sum);
      }
      return;
    }
    Matcher m = BACKEND.matcher(test.getDisplayName());
    if (!m.find()) {
      return;
    }
    int[] c = counts.computeIfAbsent(m.group(1), k -> new int[4]);
    c[0]++;
    boolean refusal = test.getDisplayName().contains("expects UnsupportedFeatureException");
    if (refusal) {
      c[1]++;
    }
    Matcher f = FAMILY.matcher(test.getUniqueId());
    if (f.find()) {
      int[] r = families.computeIfAbsent(f.group(1), k -> new TreeMap<>())
          .computeIfAbsent(m.group(1), k -> new int[2]);
      r[1]++;
      runNanos.computeIfAbsent(f.group(1), k -> new TreeMap<>())
          .merge(m.group(1), nanos, Long::sum);
      if (!refusal) {
        r[0]++;
      }
    }
    switch (result.getStatus()) {
      case FAILED -> c[2]++;
      case ABORTED -> c[3]++;
      default -> { }
    }
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan plan) {
    if (counts.isEmpty()) {
      return;
    }
    StringBuilder table = new StringBuilder("| backend | runs | of which assert unsupported "
        + "| failed | aborted |\n|---|--:|--:|--:|--:|\n");
    counts.forEach((backend, c) -> table.append(String.format("| %s | %d | %d | %d | %d |%n",
        backend, c[0], c[1], c[2], c[3])));
    table.append(familyTable());
    table.append(timeTable());
    table.append('\n').append(DatabaseTally.table());
    table.append('\n').append(Neo4jPlanCacheTally.line());
    System.out.println("TCK runs per backend:\n" + table);
    try {
      Path target = Path.of("target");
      if (Files.isDirectory(target)) {
        Files.writeString(target.resolve("tck-backends.md"), table);
      }
    } catch (IOException e) {
      System.err.println("could not write target/tck-backends.md: " + e);
    }
  }

  /** Real runs / runs per family (rows) and backend (columns), with a total row. */
  private String familyTable() {
    StringBuilder t = new StringBuilder("\n| family (real / runs) |");
    counts.keySet().forEach(b -> t.append(' ').append(b).append(" |"));
    t.append("\n|---|").append("--:|".repeat(counts.size())).append('\n');
    Map<String, int[]> totals = new TreeMap<>();
    families.forEach((family, byBackend) -> {
      t.append("| ").append(family).append(" |");
      for (String b : counts.keySet()) {
        int[] r = byBackend.getOrDefault(b, new int[2]);
        int[] sum = totals.computeIfAbsent(b, k -> new int[2]);
        sum[0] += r[0];
        sum[1] += r[1];
        t.append(' ').append(r[0]).append(" / ").append(r[1]).append(" |");
      }
      t.append('\n');
    });
    t.append("| **all** |");
    for (String b : counts.keySet()) {
      int[] s = totals.getOrDefault(b, new int[2]);
      t.append(String.format(" **%d / %d** (%.1f %%) |", s[0], s[1],
          s[1] == 0 ? 0.0 : 100.0 * s[0] / s[1]));
    }
    return t.append('\n').toString();
  }

  /**
   * Seconds per family (rows, slowest class first) and backend (columns): the runs' time summed,
   * then the class's wall time, which also holds what runs outside the scenarios (keeping and
   * dropping databases) and overlaps other classes' when classes run side by side.
   */
  private String timeTable() {
    StringBuilder t = new StringBuilder("\n| family (seconds) |");
    counts.keySet().forEach(b -> t.append(' ').append(b).append(" |"));
    t.append(" runs | class wall |\n|---|").append("--:|".repeat(counts.size() + 2))
        .append('\n');
    Map<String, Long> totals = new TreeMap<>();
    families.keySet().stream()
        .sorted(Comparator.comparing((String f) -> classNanos.getOrDefault(f, 0L)).reversed())
        .forEach(family -> {
          Map<String, Long> byBackend = runNanos.getOrDefault(family, Map.of());
          t.append("| ").append(family).append(" |");
          for (String b : counts.keySet()) {
            long n = byBackend.getOrDefault(b, 0L);
            totals.merge(b, n, Long::sum);
            t.append(seconds(n)).append(" |");
          }
          long sum = byBackend.values().stream().mapToLong(Long::longValue).sum();
          t.append(seconds(sum)).append(" |").append(seconds(classNanos.getOrDefault(family, 0L)))
              .append(" |\n");
        });
    t.append("| **all** |");
    for (String b : counts.keySet()) {
      t.append(seconds(totals.getOrDefault(b, 0L))).append(" |");
    }
    long all = totals.values().stream().mapToLong(Long::longValue).sum();
    long walls = families.keySet().stream().mapToLong(f -> classNanos.getOrDefault(f, 0L)).sum();
    return t.append(seconds(all)).append(" |").append(seconds(walls)).append(" |\n").toString();
  }

  private static String seconds(long nanos) {
    return String.format(" %.1f", nanos / 1e9);
  }
}
