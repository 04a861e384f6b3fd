package io.toasty.migrate.diff;

import java.util.List;

/**
 * What differs between the models and the live database of one backend; {@link #clean()} when
 * nothing does.
 *
 * @param backend the backend checked ({@code postgresql}, {@code dynamodb}, ...)
 * @param drifts  the differences, by table in the models' order, then extra tables
 */
public record DriftReport(String backend, List<Drift> drifts) {
  public DriftReport {
    drifts = List.copyOf(drifts);
  }

  /** Whether the live schema matches the models. */
  public boolean clean() {
    return drifts.isEmpty();
  }

  /**
   * This report without the tables no model has: for a database shared with other applications,
   * whose tables are no drift.
   */
  public DriftReport ignoringExtraTables() {
    return new DriftReport(backend, drifts.stream()
        .filter(d -> !(d instanceof Drift.ExtraTable)).toList());
  }
}
