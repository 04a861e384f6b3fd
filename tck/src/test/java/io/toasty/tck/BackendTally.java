package io.toasty.tck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Runs, unsupported-asserting runs, failures, aborted: per backend. */
  private final Map<String, int[]> counts = new TreeMap<>();
  /** Real runs and runs, per family, then per backend. */
  private final Map<String, Map<String, int[]>> families = new TreeMap<>();

  @Override
  public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (!test.isTest()) {
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
    table.append('\n').append(DatabaseTally.table());
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
}
