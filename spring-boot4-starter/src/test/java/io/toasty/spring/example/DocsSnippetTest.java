package io.toasty.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Spring Boot 4 examples of docs/spring.md and docs/tenancy.md honest: every Java
 * block there that begins with
 * {@code // from-boot4-starter: NAME} equals the region between {@code // snippet: NAME} and
 * {@code // end-snippet} in this module's test sources or the starters' shared ones (its
 * indentation removed), which the build compiles and runs ({@link AuthorsAppTest},
 * {@code WebContract}).
 */
class DocsSnippetTest {
  private static final List<Path> PAGES =
      List.of(Path.of("../docs/spring.md"), Path.of("../docs/tenancy.md"));
  private static final Pattern BLOCK = Pattern.compile(
      "```java\\n// from-boot4-starter: (\\S+)\\n(.*?)// end-example\\n```", Pattern.DOTALL);
  private static final Pattern REGION = Pattern.compile(
      "^([ \\t]*)// snippet: (\\S+)\\n(.*?)\\n[ \\t]*// end-snippet$",
      Pattern.DOTALL | Pattern.MULTILINE);
  private static final List<Path> SOURCES = List.of(Path.of("src/test/java"),
      Path.of("../spring-boot-starter/src/shared-test/java"));

  @Test
  void theBoot4SnippetsOfTheSpringGuideAreCompiledCode() throws IOException {
    Map<String, String> sources = regions();
    for (Path page : PAGES) {
      Matcher m = BLOCK.matcher(Files.readString(page));
      int checked = 0;
      while (m.find()) {
        checked++;
        assertThat(sources).as("a source region for " + m.group(1)).containsKey(m.group(1));
        assertThat(m.group(2).stripTrailing()).as(m.group(1)).isEqualTo(sources.get(m.group(1)));
      }
      assertThat(checked).as("Boot 4 snippets in " + page).isGreaterThanOrEqualTo(1);
    }
  }

  private static String unindented(String region, String indent) {
    StringBuilder body = new StringBuilder();
    for (String line : region.split("\n", -1)) {
      body.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
    }
    return body.toString().stripTrailing();
  }

  private static Map<String, String> regions() throws IOException {
    Map<String, String> out = new HashMap<>();
    for (Path source : SOURCES) {
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = REGION.matcher(Files.readString(file));
          while (m.find()) {
            out.put(m.group(2), unindented(m.group(3), m.group(1)));
          }
        }
      }
    }
    return out;
  }
}
