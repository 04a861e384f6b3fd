package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares generated text with a golden file under {@code src/test/resources/golden}, failing with
 * a line diff. Run with {@code -Dtoasty.golden.update=true} to write the actual text instead.
 */
final class GoldenFiles {
  static final Path DIRECTORY = Path.of("src/test/resources/golden");
  private static final int CONTEXT = 2;

  private GoldenFiles() {}

  /** Asserts that {@code actual} is the golden file {@code name}'s text. */
  static void assertMatches(String name, String actual) {
    Path file = DIRECTORY.resolve(name);
    try {
      if (Boolean.getBoolean("toasty.golden.update")) {
        Files.createDirectories(DIRECTORY);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        fail("no golden file " + file + "; run with -Dtoasty.golden.update=true to create it");
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        fail("generated source differs from " + file + " (- golden, + generated; run with"
            + " -Dtoasty.golden.update=true to accept it):\n" + diff(lines(expected),
            lines(actual)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A unified-style diff of two texts, by longest common subsequence of lines. */
  static String diff(List<String> expected, List<String> actual) {
    int[][] lcs = new int[expected.size() + 1][actual.size() + 1];
    for (int i = expected.size() - 1; i >= 0; i--) {
      for (int j = actual.size() - 1; j >= 0; j--) {
        lcs[i][j] = expected.get(i).equals(actual.get(j)) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Edit> script = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < expected.size() || j < actual.size()) {
      if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
        script.add(new Edit(' ', expected.get(i), ++i, ++j));
      } else if (i < expected.size() && (j == actual.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        script.add(new Edit('-', expected.get(i), ++i, j));
      } else {
        script.add(new Edit('+', actual.get(j), i, ++j));
      }
    }
    return hunks(script);
  }

  /** The changed lines of an edit script with a few lines of context. */
  private static String hunks(List<Edit> script) {
    StringBuilder out = new StringBuilder();
    int lastShown = -1;
    for (int k = 0; k < script.size(); k++) {
      if (!isChangeNear(script, k)) {
        continue;
      }
      Edit edit = script.get(k);
      if (k != lastShown + 1) {
        out.append("@@ golden line ").append(edit.expectedLine())
            .append(", generated line ").append(edit.actualLine()).append(" @@\n");
      }
      out.append(edit.op()).append(' ').append(edit.text()).append('\n');
      lastShown = k;
    }
    return out.toString();
  }

  private static boolean isChangeNear(List<Edit> script, int k) {
    for (int d = Math.max(0, k - CONTEXT); d <= Math.min(script.size() - 1, k + CONTEXT); d++) {
      if (script.get(d).op() != ' ') {
        return true;
      }
    }
    return false;
  }

  /** A line kept ({@code ' '}), removed ({@code '-'}) or added ({@code '+'}), with positions. */
  private record Edit(char op, String text, int expectedLine, int actualLine) {}

  private static List<String> lines(String text) {
    return List.of(text.split("\n", -1));
  }
}
