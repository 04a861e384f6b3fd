package io.toasty.example.techempower.load;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * A run's rows, summarized: per cell the median over rounds of requests/s and latencies, and
 * ratios paired by round (each round's ratio from that round's two figures, then the median), so
 * that a load drifting between rounds moves both sides of a ratio alike.
 */
final class RunSummary {
  private final List<TechEmpowerPage.Row> rows;

  RunSummary(List<TechEmpowerPage.Row> rows) {
    this.rows = rows;
  }

  List<Integer> connections() {
    return List.copyOf(new TreeSet<>(rows.stream().map(TechEmpowerPage.Row::connections).toList()));
  }

  int rounds() {
    return rows.stream().mapToInt(TechEmpowerPage.Row::round).max().orElse(0);
  }

  private List<TechEmpowerPage.Row> cell(String impl, String test, int connections) {
    return rows.stream().filter(r -> r.impl().equals(impl) && r.test().equals(test)
        && r.connections() == connections).toList();
  }

  /** The median over rounds of {@code value}, empty when the cell did not run. */
  OptionalDouble median(String impl, String test, int connections,
      ToDoubleFunction<TechEmpowerPage.Row> value) {
    return median(cell(impl, test, connections).stream().mapToDouble(value).toArray());
  }

  long errors(String impl, String test, int connections) {
    return cell(impl, test, connections).stream().mapToLong(TechEmpowerPage.Row::errors).sum();
  }

  private Optional<TechEmpowerPage.Row> at(String impl, String test, int connections, int round) {
    return cell(impl, test, connections).stream().filter(r -> r.round() == round).findFirst();
  }

  /** The faster Toasty transport of a round's cell (by requests/s). */
  Optional<TechEmpowerPage.Row> bestToasty(String test, int connections, int round) {
    Optional<TechEmpowerPage.Row> r2dbc = at("toasty-r2dbc", test, connections, round);
    Optional<TechEmpowerPage.Row> vertx = at("toasty-vertx", test, connections, round);
    if (r2dbc.isEmpty() || vertx.isEmpty()) {
      return r2dbc.isPresent() ? r2dbc : vertx;
    }
    return Optional.of(r2dbc.get().rps() >= vertx.get().rps() ? r2dbc.get() : vertx.get());
  }

  /**
   * The median over rounds of (Toasty's best requests/s ÷ {@code other}'s); with {@code
   * inverse}, of {@code other}'s ÷ Toasty's.
   */
  OptionalDouble ratio(String other, String test, int connections, boolean inverse) {
    double[] ratios = new double[rounds()];
    int n = 0;
    for (int round = 1; round <= rounds(); round++) {
      Optional<TechEmpowerPage.Row> t = bestToasty(test, connections, round);
      Optional<TechEmpowerPage.Row> o = at(other, test, connections, round);
      if (t.isPresent() && o.isPresent() && t.get().rps() > 0 && o.get().rps() > 0) {
        ratios[n++] = inverse ? o.get().rps() / t.get().rps() : t.get().rps() / o.get().rps();
      }
    }
    return median(Arrays.copyOf(ratios, n));
  }

  /** Which Toasty transport was faster in each round, e.g. "vertx, vertx". */
  String bestTransports(String test, int connections) {
    StringBuilder out = new StringBuilder();
    for (int round = 1; round <= rounds(); round++) {
      bestToasty(test, connections, round).ifPresent(r -> out.append(out.length() == 0 ? "" : ", ")
          .append(r.impl().substring("toasty-".length())));
    }
    return out.toString();
  }

  private static OptionalDouble median(double[] values) {
    if (values.length == 0) {
      return OptionalDouble.empty();
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[mid]
        : (sorted[mid - 1] + sorted[mid]) / 2);
  }
}
