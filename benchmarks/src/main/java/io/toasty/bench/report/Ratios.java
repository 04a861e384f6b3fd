package io.toasty.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The per-round ratios of two implementations' times: a round ran one fork of each, so each
 * ratio compares forks taken minutes apart at most, and their median with the spread (lowest and
 * highest) says how much the machine's load moved the comparison.
 */
record Ratios(List<Double> values) {

  /** The ratios of the rounds both {@code a} and {@code b} have a time for. */
  static Ratios of(Map<Integer, Double> a, Map<Integer, Double> b) {
    List<Double> out = new ArrayList<>();
    a.forEach((round, time) -> {
      Double other = b.get(round);
      if (other != null && other > 0) {
        out.add(time / other);
      }
    });
    return new Ratios(List.copyOf(out));
  }

  /** The median ratio, or empty when no round has both times. */
  Optional<Double> median() {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return Optional.of(n % 2 == 1 ? sorted.get(n / 2)
        : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
  }

  /** {@code 1.05}, or with several rounds {@code 1.05 (0.98–1.12)}; {@code —} without any. */
  String format() {
    Optional<Double> m = median();
    if (m.isEmpty()) {
      return "—";
    }
    String median = String.format(Locale.ROOT, "%.2f", m.get());
    if (values.size() == 1) {
      return median;
    }
    double lo = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double hi = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return String.format(Locale.ROOT, "%s (%.2f–%.2f)", median, lo, hi);
  }
}
