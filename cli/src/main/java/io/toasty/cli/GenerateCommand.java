package io.toasty.cli;

import io.toasty.migrate.DestructiveChangeException;
import io.toasty.migrate.MigrationGenerator;
import io.toasty.migrate.diff.SchemaChange;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code toasty migrate generate --name "add user nickname"}: the diff between the folder's last
 * snapshot and the models, written as the next version for every backend. No database needed.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write the next migration: the models against the folder's last snapshot.")
final class GenerateCommand implements Callable<Integer> {
  @Mixin ModelOptions models;
  @Mixin DirOption dir;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-n", "--name"}, required = true, paramLabel = "TEXT",
      description = "What the migration does; its file name (V3__add_user_nickname.sql).")
  String name;

  @Option(names = "--allow-destructive",
      description = "Write steps that lose data (drops, narrowing type changes).")
  boolean allowDestructive;

  @Override
  public Integer call() {
    Console console = new Console(spec);
    MigrationGenerator generator = models.generator(MigrationGenerator.of(dir.dir)
        .allowDestructive(allowDestructive));
    var schema = models.schema();
    List<SchemaChange> changes;
    Optional<Integer> version;
    try {
      changes = generator.diff(schema);
      version = generator.generate(schema, name);
    } catch (DestructiveChangeException e) {
      throw new ExitCodes.CheckFailed(ExitCodes.DESTRUCTIVE, "the migration would lose data ("
          + String.join("; ", e.steps()) + "): run again with --allow-destructive if that is "
          + "intended, or declare a rename with @Column(renamedFrom = ..)");
    }
    if (version.isEmpty()) {
      console.result("no changes: the models match " + dir.dir.resolve("snapshot.json"));
      return ExitCodes.OK;
    }
    console.result("V" + version.get() + "__" + MigrationGenerator.fileName(name) + " written to "
        + dir.dir + " (" + changes.size() + " step" + (changes.size() == 1 ? "" : "s") + ")");
    changes.forEach(c -> console.result("  " + c.describe()));
    return ExitCodes.OK;
  }
}
