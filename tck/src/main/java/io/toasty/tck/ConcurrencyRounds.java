package io.toasty.tck;

import io.toasty.reactive.Db;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How many times each concurrency scenario repeats its race, and the tally of what it found.
 *
 * <p>CI runs each race as often as its time allows (the {@code ciDefault} each scenario passes);
 * {@code -Dtoasty.tck.concurrencyReps=100} makes every one of them repeat 100 times instead, for a
 * stronger proof than CI's. Each scenario counts its violations rather than failing on the first,
 * so that a run reports how many rounds went wrong, then fails if any did.
 */
public final class ConcurrencyRounds {
  /** The system property that overrides every concurrency scenario's repetition count. */
  public static final String PROPERTY = "toasty.tck.concurrencyReps";

  private ConcurrencyRounds() {}

  /** The repetitions to run: the property's value when set, else {@code ciDefault}. */
  public static int of(int ciDefault) {
    int reps = Integer.getInteger(PROPERTY, ciDefault);
    if (reps < 1) {
      throw new IllegalArgumentException(PROPERTY + " must be at least 1, was " + reps);
    }
    return reps;
  }

  /**
   * Prints one line for the race and appends it to {@code target/tck-concurrency.md}, so that a
   * run of many backends leaves one table of rounds and violations.
   */
  public static synchronized void report(String race, Db db, int rounds, int violations, long startNanos) {
    String line = String.format("| %s | %s | %d | %d | %d |%n", race,
        db.capability().backend(), rounds, violations,
        (System.nanoTime() - startNanos) / 1_000_000);
    System.out.print("concurrency " + line);
    Path target = Path.of("target");
    if (!Files.isDirectory(target)) {
      return;
    }
    Path file = target.resolve("tck-concurrency.md");
    try {
      if (!Files.exists(file)) {
        Files.writeString(file, "| race | backend | rounds | violations | ms |\n"
            + "|---|---|--:|--:|--:|\n");
      }
      Files.writeString(file, line, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("could not write " + file + ": " + e);
    }
  }
}
