package io.toasty.cli;

import io.toasty.migrate.MigrationGenerator;
import io.toasty.migrate.Migrator;
import io.toasty.migrate.diff.SchemaChange;
import io.toasty.migrate.diff.DriftReport;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code toasty schema diff}: what {@code migrate generate} would write (the models against the
 * folder's last snapshot); with {@code --live}, what differs between the models and the database;
 * with {@code --push}, what {@code schema push} would add to the database's existing tables, per
 * table, with the statements (and what it cannot add in place).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "The models against the folder's last snapshot, (--live) the database, or "
        + "(--push) what schema push would add to the existing tables.")
final class DiffCommand implements Callable<Integer> {
  @Mixin ModelOptions models;
  @Mixin DirOption dir;
  @Mixin DatabaseOptions database;
  @Mixin DriftOptions driftOptions;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--live", description = "Compare with the database at --url.")
  boolean live;

  @Option(names = "--push", description = "What schema push would add to the existing tables "
      + "of the database at --url (constraints, indexes), with the statements.")
  boolean push;

  @Option(names = "--check", description = "Exit 4 when anything differs.")
  boolean check;

  @Option(names = "--json", description = "Print the drift (--live) as one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    return push ? PushDiff.print(models, database.url(), check, new Console(spec))
        : live ? live() : snapshot();
  }

  private Integer snapshot() {
    Console console = new Console(spec);
    List<SchemaChange> changes = models.generator(MigrationGenerator.of(dir.dir)
        .allowDestructive(true)).diff(models.schema());
    if (changes.isEmpty()) {
      console.result("no changes: the models match " + dir.dir.resolve("snapshot.json"));
      return ExitCodes.OK;
    }
    console.result(changes.size() + " change" + (changes.size() == 1 ? "" : "s")
        + " since " + dir.dir.resolve("snapshot.json") + " (migrate generate writes them):");
    changes.forEach(c -> console.result("  " + c.describe()
        + (c.destructive() ? "  [destructive: needs --allow-destructive]" : "")));
    if (check) {
      throw new ExitCodes.CheckFailed(ExitCodes.DRIFT, changes.size()
          + " change(s) not in a migration yet");
    }
    return ExitCodes.OK;
  }

  private Integer live() {
    Console console = new Console(spec);
    var modelList = models.models();
    return Session.with(database.url(), modelList, models.naming(), models.loader(), db -> {
      DriftReport report = driftOptions.filter(Objects.requireNonNull(Migrator.of(db, dir.dir)
          .drift(db.models()).block(Session.HANG_GUARD)));
      if (json) {
        console.result(JsonReport.of(database.url(), report.backend(), null, report));
      } else {
        DriftOptions.print(report, console);
      }
      if (check && !report.clean()) {
        throw new ExitCodes.CheckFailed(ExitCodes.DRIFT, report.drifts().size()
            + " difference(s) between the models and the database");
      }
      return ExitCodes.OK;
    });
  }
}
