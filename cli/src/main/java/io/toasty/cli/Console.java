package io.toasty.cli;

import io.toasty.migrate.MigrationEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** Where a command writes: results on stdout, progress on stderr (so stdout can be piped). */
final class Console {
  private final PrintWriter out;
  private final PrintWriter err;

  Console(CommandSpec spec) {
    CommandLine line = spec.commandLine();
    this.out = line.getOut();
    this.err = line.getErr();
  }

  /** A result line. */
  void result(String line) {
    out.println(line);
    out.flush();
  }

  /** A progress line. */
  void progress(String line) {
    err.println(line);
    err.flush();
  }

  /** Runs {@code step}, with a line before and its duration after. */
  <T> T step(String what, Supplier<T> step) {
    err.print(what + " ... ");
    err.flush();
    long start = System.nanoTime();
    try {
      T result = step.get();
      err.println("done (" + millis(start) + ")");
      return result;
    } catch (RuntimeException e) {
      err.println("failed (" + millis(start) + ")");
      throw e;
    } finally {
      err.flush();
    }
  }

  /**
   * Runs one migration ({@code what}: {@code applying V2__add_nickname}) whose steps
   * {@link #migrationStep} prints: a line before them, and after them {@code done} (what was
   * done: {@code applied V2__add_nickname}) with the duration, or that it failed.
   */
  <T> T run(String what, String done, Supplier<T> migration) {
    progress(what);
    long start = System.nanoTime();
    try {
      T result = migration.get();
      progress(done + " (" + millis(start) + ")");
      return result;
    } catch (RuntimeException e) {
      progress(what + " failed (" + millis(start) + ")");
      throw e;
    }
  }

  /**
   * Prints a migration run's steps as they go, on stderr:
   * {@code   step 2/5: add column users.nickname ... done (1.2 s)}, a dot for each tick of a long
   * step.
   */
  void migrationStep(MigrationEvent event) {
    if (event instanceof MigrationEvent.StepStarted s) {
      err.print("  " + s.at().describe() + " ... ");
    } else if (event instanceof MigrationEvent.StillRunning) {
      err.print(".");
    } else if (event instanceof MigrationEvent.StepDone d) {
      err.println("done (" + took(d.took().toMillis()) + ")");
    } else if (event instanceof MigrationEvent.StepFailed f) {
      err.println("failed (" + took(f.took().toMillis()) + ")");
    }
    err.flush();
  }

  private static String millis(long start) {
    return took((System.nanoTime() - start) / 1_000_000);
  }

  private static String took(long ms) {
    return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
