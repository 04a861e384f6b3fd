package io.toasty.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the guide honest: every Java block in {@code docs/*.md} that begins with
 * {@code // snippet: NAME} must equal the region between {@code // snippet: NAME} and
 * {@code // end-snippet} in the example sources, which the build compiles and runs: this
 * module's, and the tests of test-support, which docs/testing.md quotes (they need that
 * module's classes and run in its build).
 */
class SnippetsTest {
  private static final Path DOCS = Path.of("").toAbsolutePath();
  private static final Pattern BLOCK = Pattern.compile(
      "```java\\n// snippet: (\\S+)\\n(.*?)// end-snippet\\n```", Pattern.DOTALL);
  private static final Pattern MARKER = Pattern.compile("^[ \\t]*// snippet: (\\S+)$",
      Pattern.MULTILINE);

  @Test
  void everySnippetInTheGuideMatchesCompiledExampleCode() {
    Map<String, String> sources = snippetsInSources();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path page : pages()) {
      Matcher m = BLOCK.matcher(read(page));
      while (m.find()) {
        checked++;
        String name = m.group(1);
        String expected = sources.get(name);
        if (expected == null) {
          problems.add(page.getFileName() + ": no source region for snippet '" + name + "'");
        } else if (!expected.equals(m.group(2).stripTrailing())) {
          problems.add(page.getFileName() + ": snippet '" + name + "' differs from the source:\n"
              + expected);
        }
      }
    }
    assertFalse(checked == 0, "no snippets found under " + DOCS);
    if (!problems.isEmpty()) {
      fail(String.join("\n\n", problems));
    }
  }

  @Test
  void snippetNamesAreUnique() {
    Map<String, Integer> counts = new HashMap<>();
    for (Path source : javaSources()) {
      Matcher m = MARKER.matcher(read(source));
      while (m.find()) {
        counts.merge(m.group(1), 1, Integer::sum);
      }
    }
    counts.forEach((name, n) -> assertEquals(1, n, "snippet '" + name + "' defined " + n + " times"));
  }

  private static Map<String, String> snippetsInSources() {
    Map<String, String> out = new HashMap<>();
    Pattern region = Pattern.compile(
        "^([ \\t]*)// snippet: (\\S+)\\n(.*?)\\n[ \\t]*// end-snippet$",
        Pattern.DOTALL | Pattern.MULTILINE);
    for (Path source : javaSources()) {
      Matcher m = region.matcher(read(source));
      while (m.find()) {
        String indent = m.group(1);
        StringBuilder body = new StringBuilder();
        for (String line : m.group(3).split("\n", -1)) {
          body.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
        }
        out.put(m.group(2), body.toString().stripTrailing());
      }
    }
    return out;
  }

  private static List<Path> pages() {
    try (Stream<Path> s = Files.list(DOCS)) {
      return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> javaSources() {
    List<Path> out = new ArrayList<>();
    for (Path root : List.of(DOCS.resolve("src"),
        DOCS.resolveSibling("test-support").resolve("src/test/java"))) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
