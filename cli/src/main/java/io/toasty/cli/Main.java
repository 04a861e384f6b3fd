package io.toasty.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code toasty} command: {@code toasty migrate generate|apply|rollback|status},
 * {@code toasty schema diff|push}, {@code toasty explain}. Results go to stdout, progress and
 * errors to stderr, and the exit code says what happened ({@link ExitCodes}), so that a CI
 * pipeline can act on it.
 */
@Command(name = "toasty", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Toasty's schema migrations, drift checks and query plans.",
    subcommands = {MigrateCommand.class, SchemaCommand.class, ExplainCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done; nothing pending or drifted (with --check)",
        "1:failed (an unexpected error)",
        "2:usage error (unknown option, missing value, no models found)",
        "3:migrations pending (status --check)",
        "4:drift: the database or the migration folder differs from the models (--check)",
        "5:the history disagrees with the folder: an applied file changed or is missing",
        "6:cannot connect to the database",
        "7:a migration step failed (the history says what is in effect)",
        "8:a destructive change was refused (use --allow-destructive)"})
public final class Main implements Runnable {

  private Main() {}

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command; its exit code. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, line, parsed) -> ExitCodes.report(e, line));
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this),
        "a command is needed: migrate, schema or explain");
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"toasty " + (v == null ? "(development build)" : v)};
    }
  }
}
