package io.toasty.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The page's section on the blog example's {@code GET /posts} under load. Its figures come from
 * another program ({@code PostsLoad} in {@code examples/webflux-blog}), which writes them
 * between two markers; a JMH run keeps what stands between the markers of the page it replaces.
 */
final class HttpSection {
  static final String START = "<!-- http-posts:start -->";
  static final String END = "<!-- http-posts:end -->";

  private final String figures;

  private HttpSection(String figures) {
    this.figures = figures;
  }

  /** The section with the figures between the markers of {@code page}, if it has them. */
  static HttpSection keptFrom(Path page) throws IOException {
    if (!Files.exists(page)) {
      return new HttpSection("");
    }
    String text = Files.readString(page, StandardCharsets.UTF_8);
    int from = text.indexOf(START);
    int to = text.indexOf(END);
    if (from < 0 || to < from) {
      return new HttpSection("");
    }
    return new HttpSection(text.substring(from + START.length(), to).strip());
  }

  void render(StringBuilder out) {
    out.append(INTRO.strip()).append("\n\n").append(START).append('\n');
    out.append(figures.isEmpty() ? "Not measured yet." : figures).append('\n');
    out.append(END).append("\n\n");
  }

  private static final String INTRO = """
      ## HTTP: the blog's `GET /posts` under 64 concurrent clients

      The example's endpoint (a keyset page of 20 posts with author and tags, `BlogService.page`)
      against the same endpoint written with Spring Data R2DBC's `R2dbcEntityTemplate` and the
      relations loaded by hand (`BaselinePosts`: the page, then authors, taggings and tags by one
      `IN` query each), in one Spring Boot application with one pool of 10 connections. Each
      client walks five pages from the first and starts again; rounds alternate the endpoints;
      before measuring, every page of both is compared post by post (`Parity`;
      `BaselineParityTest` runs that check and a short load in the build). Written by
      `examples/webflux-blog/src/test/java/io/toasty/example/blog/bench/PostsLoad.java` between
      the markers below (a JMH run keeps them):

      ```
      mvn -q -B -pl examples/webflux-blog test-compile exec:java@posts-load \\
        -Dexec.args="--db h2,postgres --clients 64 --seconds 10 --rounds 3 --out docs/benchmarks.md"
      ```
      """;
}
