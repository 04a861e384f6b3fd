package io.toasty.example.techempower.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The Toasty code the page shows: the lines of {@code ToastyWorldStore.java} between
 * {@code // snippet: techempower-toasty} and {@code // end-snippet}, unindented by two spaces,
 * as a Java code block. The page is written from the source, and {@code PageSnippetTest} checks
 * that the committed page still shows what the source holds.
 */
public final class PageSnippet {
  /** The source file, from the repository's root. */
  public static final String SOURCE =
      "examples/techempower/src/main/java/io/toasty/example/techempower/ToastyWorldStore.java";

  private PageSnippet() {}

  /** The code block for {@code source} (the file's text). */
  public static String block(String source) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : source.split("\n", -1)) {
      String t = line.strip();
      if (t.equals("// snippet: techempower-toasty")) {
        in = true;
      } else if (t.equals("// end-snippet")) {
        in = false;
      } else if (in) {
        lines.add(line.startsWith("  ") ? line.substring(2) : line);
      }
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no techempower-toasty snippet in " + SOURCE);
    }
    return "```java\n// " + SOURCE + "\n" + String.join("\n", lines) + "\n```\n";
  }
}
