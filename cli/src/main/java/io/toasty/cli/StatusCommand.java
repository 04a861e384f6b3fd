package io.toasty.cli;

import io.toasty.ModelDef;
import io.toasty.migrate.Migrator;
import io.toasty.migrate.apply.MigrationStatus;
import io.toasty.migrate.apply.MigrationStatus.Entry;
import io.toasty.migrate.diff.DriftReport;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code toasty migrate status}: each version applied, pending, partly applied or edited since
 * it was applied; and, when the models are given, what differs between them and the database.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the migrations' state in the database and, with the models, the drift.")
final class StatusCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;
  @Mixin DirOption dir;
  @Mixin ModelOptions models;
  @Mixin DriftOptions driftOptions;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--check", description = "Exit 3 when migrations are pending, 4 on drift.")
  boolean check;

  @Option(names = "--json", description = "Print the status and drift as one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    var modelList = models.given() ? models.models() : List.<ModelDef<?>>of();
    return Session.with(database.url(), modelList, models.naming(), models.loader(), db -> {
      Migrator migrator = Migrator.of(db, dir.dir);
      MigrationStatus status = Objects.requireNonNull(migrator.status().block(Session.HANG_GUARD));
      DriftReport drift = models.given()
          ? driftOptions.filter(Objects.requireNonNull(
              migrator.drift(db.models()).block(Session.HANG_GUARD)))
          : null;
      if (json) {
        console.result(JsonReport.of(database.url(), db.capability().backend(), status, drift));
      } else {
        console.result("database " + Urls.redact(database.url()) + " ("
            + db.capability().backend() + "), migrations in " + dir.dir);
        print(status, console);
        if (drift != null) {
          DriftOptions.print(drift, console);
        }
      }
      if (status.hasMismatch()) {
        throw mismatch(status);
      }
      if (check && status.hasPending()) {
        throw new ExitCodes.CheckFailed(ExitCodes.PENDING, pendingCount(status)
            + " migration(s) pending");
      }
      if (check && drift != null && !drift.clean()) {
        throw new ExitCodes.CheckFailed(ExitCodes.DRIFT, drift.drifts().size()
            + " difference(s) between the models and the database");
      }
      return ExitCodes.OK;
    });
  }

  /** The error of a history that disagrees with the files: an edited or a missing file. */
  static ExitCodes.CheckFailed mismatch(MigrationStatus status) {
    return new ExitCodes.CheckFailed(ExitCodes.CHECKSUM_MISMATCH, "the history disagrees with "
        + "the migration files, nothing done: " + status.migrations().stream()
        .filter(e -> e.state() == MigrationStatus.State.CHECKSUM_MISMATCH
            || e.state() == MigrationStatus.State.MISSING_FILE)
        .map(e -> e.label() + " " + state(e)).toList()
        + "; put a change in a new migration instead of editing an applied one");
  }

  private static long pendingCount(MigrationStatus status) {
    return status.migrations().stream().filter(e -> e.state() == MigrationStatus.State.PENDING
        || e.state() == MigrationStatus.State.PARTIAL).count();
  }

  private static void print(MigrationStatus status, Console console) {
    if (status.migrations().isEmpty()) {
      console.result("no migrations");
      return;
    }
    int width = status.migrations().stream().mapToInt(e -> e.label().length()).max().orElse(0);
    for (Entry e : status.migrations()) {
      console.result(String.format(Locale.ROOT, "  %-" + width + "s  %s", e.label(), state(e)));
    }
    console.result("at V" + status.current() + ", " + pendingCount(status) + " pending");
  }

  private static String state(Entry e) {
    return switch (e.state()) {
      case APPLIED -> "applied";
      case PENDING -> "pending";
      case PARTIAL -> "partial: " + e.stepsDone() + " of " + e.steps() + " steps in effect";
      case CHECKSUM_MISMATCH -> "CHECKSUM MISMATCH: the file changed after it was applied";
      case MISSING_FILE -> "MISSING FILE: applied, but not in the folder";
    };
  }
}
