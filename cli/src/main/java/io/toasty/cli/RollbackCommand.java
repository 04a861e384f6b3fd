package io.toasty.cli;

import io.toasty.migrate.Migrator;
import io.toasty.migrate.apply.MigrationStatus;
import io.toasty.migrate.apply.MigrationStatus.Entry;
import io.toasty.migrate.apply.MigrationStatus.State;
import io.toasty.schema.naming.NamingStrategy;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code toasty migrate rollback --target 2}: undoes the versions above 2, newest first. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Undo the applied migrations above --target, newest first.")
final class RollbackCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;
  @Mixin DirOption dir;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--target", required = true, paramLabel = "VERSION",
      description = "The version to go back to (0: undo every migration).")
  int target;

  @Override
  public Integer call() {
    if (target < 0) {
      throw new ExitCodes.UsageException("--target must be 0 or more, not " + target);
    }
    Console console = new Console(spec);
    return Session.with(database.url(), List.of(), NamingStrategy.declared(),
        Main.class.getClassLoader(), db -> {
      Migrator migrator = Migrator.of(db, dir.dir).onProgress(console::migrationStep);
      MigrationStatus status = Objects.requireNonNull(migrator.status().block(Session.HANG_GUARD));
      List<Entry> undo = status.migrations().stream()
          .filter(e -> e.version() > target && e.state() != State.PENDING)
          .sorted(Comparator.comparingInt(Entry::version).reversed()).toList();
      if (undo.isEmpty()) {
        console.result("nothing to roll back: " + Urls.redact(database.url()) + " is at V"
            + status.current());
        return ExitCodes.OK;
      }
      if (status.hasMismatch()) {
        throw StatusCommand.mismatch(status);
      }
      for (Entry e : undo) {
        int below = undo.stream().mapToInt(Entry::version).filter(v -> v < e.version()).max()
            .orElse(target);
        console.run("rolling back " + e.label(), "rolled back " + e.label(),
            () -> migrator.rollback(below).block(Session.HANG_GUARD));
      }
      console.result("rolled back " + undo.size() + " migration" + (undo.size() == 1 ? "" : "s")
          + "; " + Urls.redact(database.url()) + " is at V" + target);
      return ExitCodes.OK;
    });
  }
}
