package io.toasty.tck;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many scenario runs in this JVM got a fresh database and how many a kept one, emptied, per
 * backend, and why kept databases were dropped: for the run's report ({@code BackendTally}).
 */
public final class DatabaseTally {
  /** Fresh and reused, per backend. */
  private static final Map<String, int[]> OPENED = new TreeMap<>();
  /** Databases dropped instead of kept, per backend and reason. */
  private static final Map<String, Map<String, Integer>> DROPPED = new TreeMap<>();

  private DatabaseTally() {}

  static synchronized void opened(String backend, boolean reused) {
    OPENED.computeIfAbsent(backend, b -> new int[2])[reused ? 1 : 0]++;
  }

  static synchronized void dropped(String backend, List<String> reasons) {
    Map<String, Integer> byReason = DROPPED.computeIfAbsent(backend, b -> new TreeMap<>());
    reasons.forEach(r -> byReason.merge(r, 1, Integer::sum));
  }

  /**
   * A Markdown table: per backend, the runs on a fresh database, on a kept one, and the reasons
   * databases were not kept (how many databases each); empty when no scenario ran.
   */
  public static synchronized String table() {
    if (OPENED.isEmpty()) {
      return "";
    }
    StringBuilder t = new StringBuilder("| backend | fresh database | kept one, emptied "
        + "| not kept because (databases) |\n|---|--:|--:|---|\n");
    OPENED.forEach((backend, c) -> t.append(String.format("| %s | %d | %d | %s |%n", backend,
        c[0], c[1], DROPPED.getOrDefault(backend, Map.of()))));
    return t.toString();
  }
}
