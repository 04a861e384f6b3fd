package io.toasty.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code toasty schema}: the models' schema against the folder or the database. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Compare the models with the migration folder or the database; push them.",
    subcommands = {DiffCommand.class, PushCommand.class})
final class SchemaCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is needed: diff or push");
  }
}
