package io.toasty.cli;

import io.toasty.migrate.Migrator;
import io.toasty.migrate.apply.MigrationStatus;
import io.toasty.migrate.apply.MigrationStatus.Entry;
import io.toasty.migrate.apply.MigrationStatus.State;
import io.toasty.schema.naming.NamingStrategy;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code toasty migrate apply}: the pending migrations, one at a time with a progress line for
 * each and for each of its steps, each under the backend's migration lock (another instance
 * applying at once is safe).
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = "Apply the pending migrations (up to --target).")
final class ApplyCommand implements Callable<Integer> {
  @Mixin DatabaseOptions database;
  @Mixin DirOption dir;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--target", paramLabel = "VERSION",
      description = "Apply up to this version only (default: all).")
  Integer target;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    int upTo = target == null ? Integer.MAX_VALUE : target;
    return Session.with(database.url(), List.of(), NamingStrategy.declared(),
        Main.class.getClassLoader(), db -> {
      Migrator migrator = Migrator.of(db, dir.dir).onProgress(console::migrationStep);
      MigrationStatus status = Objects.requireNonNull(migrator.status().block(Session.HANG_GUARD));
      if (status.hasMismatch()) {
        throw StatusCommand.mismatch(status);
      }
      List<Entry> pending = status.migrations().stream()
          .filter(e -> (e.state() == State.PENDING || e.state() == State.PARTIAL)
              && e.version() <= upTo).toList();
      if (pending.isEmpty()) {
        console.result("nothing to apply: " + Urls.redact(database.url()) + " is at V"
            + status.current());
        return ExitCodes.OK;
      }
      int applied = 0;
      for (Entry e : pending) {
        String what = "applying " + e.label() + (e.state() == State.PARTIAL
            ? " (resuming after step " + e.stepsDone() + " of " + e.steps() + ")" : "");
        List<Integer> done = console.run(what, "applied " + e.label(),
            () -> migrator.apply(e.version()).block(Session.HANG_GUARD));
        applied += done.size();
      }
      console.result("applied " + applied + " migration" + (applied == 1 ? "" : "s") + "; "
          + Urls.redact(database.url()) + " is at V" + pending.get(pending.size() - 1).version());
      return ExitCodes.OK;
    });
  }
}
