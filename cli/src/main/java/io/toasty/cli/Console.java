package io.toasty.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

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
  <T> T step(String what, java.util.function.Supplier<T> step) {
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

  private static String millis(long start) {
    long ms = (System.nanoTime() - start) / 1_000_000;
    return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
