package io.toasty.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code toasty migrate}: the migration folder's commands. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Generate, apply, roll back and inspect migrations.",
    subcommands = {GenerateCommand.class, ApplyCommand.class, RollbackCommand.class,
        StatusCommand.class})
final class MigrateCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is needed: generate, apply, rollback or status");
  }
}
