package io.toasty.cli;

import io.toasty.migrate.diff.Drift;
import io.toasty.migrate.diff.DriftReport;
import picocli.CommandLine.Option;

/** How a drift check reports: tables no model has, or not. */
final class DriftOptions {
  @Option(names = "--ignore-extra-tables",
      description = "Do not report tables that no model has (a database shared with other "
          + "applications).")
  boolean ignoreExtraTables;

  /** The report as asked for. */
  DriftReport filter(DriftReport report) {
    return ignoreExtraTables ? report.ignoringExtraTables() : report;
  }

  /** Prints {@code report}: a line per difference, or that there is none. */
  static void print(DriftReport report, Console console) {
    if (report.clean()) {
      console.result("no drift: the database matches the models");
      return;
    }
    console.result("drift: " + report.drifts().size() + " difference"
        + (report.drifts().size() == 1 ? "" : "s") + " between the models and the database");
    for (Drift d : report.drifts()) {
      console.result("  " + d.describe());
    }
  }
}
