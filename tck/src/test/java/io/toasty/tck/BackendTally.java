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
 * lacks a need, and how many failed. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class BackendTally implements TestExecutionListener {
  private static final Pattern BACKEND = Pattern.compile("^\\[([a-z0-9-]+)] ");

  /** Runs, unsupported-asserting runs, failures, aborted: per backend. */
  private final Map<String, int[]> counts = new TreeMap<>();

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
    if (test.getDisplayName().contains("expects UnsupportedFeatureException")) {
      c[1]++;
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
}
