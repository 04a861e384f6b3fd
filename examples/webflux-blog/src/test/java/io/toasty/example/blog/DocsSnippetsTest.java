package io.toasty.example.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/spring.md and docs/changes.md honest: every Java block there that begins with
 * {@code // from-example: NAME} equals the region between {@code // snippet: NAME} and
 * {@code // end-snippet} in this example's sources, which the build compiles and tests.
 */
class DocsSnippetsTest {
  private static final Path PAGE = Path.of("../../docs/spring.md");
  /** The change streams page, whose WebFlux section shows the blog's endpoint. */
  private static final Path CHANGES = Path.of("../../docs/changes.md");
  private static final Pattern BLOCK = Pattern.compile(
      "```java\\n// from-example: (\\S+)\\n(.*?)// end-example\\n```", Pattern.DOTALL);
  private static final Pattern REGION = Pattern.compile(
      "^([ \\t]*)// snippet: (\\S+)\\n(.*?)\\n[ \\t]*// end-snippet$",
      Pattern.DOTALL | Pattern.MULTILINE);

  @Test
  void everySnippetOfTheSpringGuideIsCompiledExampleCode() throws IOException {
    assertThat(check(PAGE)).as("snippets in " + PAGE).isGreaterThanOrEqualTo(5);
    assertThat(check(CHANGES)).as("snippets in " + CHANGES).isGreaterThanOrEqualTo(3);
  }

  private static int check(Path page) throws IOException {
    Map<String, String> sources = regions();
    Matcher m = BLOCK.matcher(Files.readString(page));
    int checked = 0;
    while (m.find()) {
      checked++;
      assertThat(sources).as("a source region for " + m.group(1)).containsKey(m.group(1));
      assertThat(m.group(2).stripTrailing()).as(m.group(1)).isEqualTo(sources.get(m.group(1)));
    }
    return checked;
  }

  private static Map<String, String> regions() throws IOException {
    Map<String, String> out = new HashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = REGION.matcher(Files.readString(file));
        while (m.find()) {
          StringBuilder body = new StringBuilder();
          for (String line : m.group(3).split("\n", -1)) {
            body.append(line.startsWith(m.group(1)) ? line.substring(m.group(1).length()) : line)
                .append('\n');
          }
          out.put(m.group(2), body.toString().stripTrailing());
        }
      }
    }
    return out;
  }
}
