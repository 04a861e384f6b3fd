package io.toasty.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built jar as a separate process: {@code java -jar toasty-cli-<version>.jar ..}. */
final class CliProcess {
  /** A hang guard only: a run normally takes seconds. */
  private static final long HANG_GUARD_MINUTES = 5;

  /** What a run printed and returned. */
  record Result(int code, String out, String err) {
    /** Asserts the exit code, showing both streams when it differs. */
    Result exits(int expected) {
      assertEquals(expected, code, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
      return this;
    }

    /** Asserts that stdout holds {@code text}. */
    Result says(String text) {
      assertTrue(out.contains(text), () -> "stdout lacks '" + text + "':\n" + out
          + "\nstderr:\n" + err);
      return this;
    }

    /** Asserts that stderr holds {@code text}. */
    Result warns(String text) {
      assertTrue(err.contains(text), () -> "stderr lacks '" + text + "':\n" + err
          + "\nstdout:\n" + out);
      return this;
    }

    /** Asserts that stderr holds {@code texts}, each after the one before. */
    Result warnsInOrder(String... texts) {
      int at = 0;
      for (String text : texts) {
        int found = err.indexOf(text, at);
        assertTrue(found >= 0, () -> "stderr lacks '" + text + "' after what came before:\n"
            + err);
        at = found + text.length();
      }
      return this;
    }
  }

  private CliProcess() {}

  /** The jar the build made (the surefire execution after package names it). */
  static Path jar() {
    String path = System.getProperty("toasty.cli.jar");
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException("no CLI jar at " + path + ": run the cli module's tests "
          + "with 'mvn verify' (they run after package)");
    }
    return Path.of(path);
  }

  /** Runs {@code toasty args..} in {@code workDir}. */
  static Result run(Path workDir, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", jar().toString()));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(workDir, "out", ".txt");
      Path err = Files.createTempFile(workDir, "err", ".txt");
      ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().remove("TOASTY_URL");
      Process p = pb.start();
      if (!p.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("toasty " + String.join(" ", args) + " did not end");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
