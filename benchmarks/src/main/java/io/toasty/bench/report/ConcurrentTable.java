package io.toasty.bench.report;

import io.toasty.bench.fixture.Database;
import io.toasty.bench.store.Impl;
import io.toasty.bench.store.Workload;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of one database's concurrent workloads ({@code ConcurrentBench}): per workload and
 * number of subscribers, each implementation's throughput (requests per second: the subscribers
 * of a burst divided by its time) and the 99th percentile latency of one request, then the
 * throughput ratios of Toasty to the others (median of the rounds' ratios, spread in brackets).
 */
final class ConcurrentTable {
  private static final List<String> SUBSCRIBERS = List.of("16", "64");

  private final Database db;
  private final List<Impl> impls;
  private final List<Result> results;
  private final Map<String, Double> p99;
  private final StringBuilder out;

  ConcurrentTable(Database db, List<Impl> impls, List<Result> results, Map<String, Double> p99,
      StringBuilder out) {
    this.db = db;
    this.impls = impls;
    this.results = results;
    this.p99 = p99;
    this.out = out;
  }

  void render() {
    boolean any = results.stream().anyMatch(r -> r.subscribers() != null
        && db.param().equals(r.db()));
    if (!any) {
      return;
    }
    out.append("Concurrent subscribers on a pool of 10 (`ConcurrentBench`: a burst of n requests "
        + "subscribed at once, on different keys); throughput in requests/s, p99 of one "
        + "request in µs:\n\n");
    StringBuilder head = new StringBuilder("| workload | subscribers |");
    StringBuilder rule = new StringBuilder("|---|--:|");
    for (Impl i : impls) {
      head.append(' ').append(i.label()).append(" req/s | p99 |");
      rule.append("--:|--:|");
    }
    for (Impl other : impls) {
      if (other != Impl.TOASTY) {
        head.append(" Toasty ÷ ").append(Report.shortLabel(other))
            .append(" throughput |");
        rule.append("--:|");
      }
    }
    out.append(head).append('\n').append(rule).append('\n');
    for (Workload w : Workload.values()) {
      if (!w.concurrent()) {
        continue;
      }
      for (String n : SUBSCRIBERS) {
        row(w, n);
      }
    }
    out.append('\n');
  }

  private void row(Workload w, String n) {
    if (impls.stream().allMatch(i -> scores(w, n, i).isEmpty())) {
      return;
    }
    StringBuilder row = new StringBuilder("| " + w.label() + " | " + n + " |");
    for (Impl i : impls) {
      Double time = scores(w, n, i).get(0);
      Double latency = p99.get(w.method() + "-" + db.param() + "-" + i.param() + "-" + n
          + "-r0");
      row.append(' ').append(time == null ? "—" : String.format(Locale.ROOT, "%,.0f",
          Integer.parseInt(n) * 1e6 / time)).append(" | ")
          .append(latency == null || latency.isNaN() ? "—" : Report.number(latency))
          .append(" |");
    }
    for (Impl other : impls) {
      if (other != Impl.TOASTY) {
        row.append(' ').append(throughputRatio(w, n, other).format()).append(" |");
      }
    }
    out.append(row).append('\n');
  }

  /** Toasty's throughput over {@code other}'s: the other's time over Toasty's, per round. */
  Ratios throughputRatio(Workload w, String n, Impl other) {
    return Ratios.of(scores(w, n, other), scores(w, n, Impl.TOASTY));
  }

  private Map<Integer, Double> scores(Workload w, String n, Impl impl) {
    return Report.roundScores(results, w.method(), db, impl, n);
  }
}
