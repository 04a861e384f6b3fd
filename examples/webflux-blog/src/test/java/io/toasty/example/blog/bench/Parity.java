package io.toasty.example.blog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Checks that the two endpoints of the benchmark answer alike: every page, post by post, the
 * same ids, titles, author names and tag labels (in order), and both end on the same page.
 */
final class Parity {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Parity() {}

  /** The number of pages compared; fails with the first difference. */
  static int check(WebClient client) {
    List<String> toasty = walk(client, "/posts");
    List<String> baseline = walk(client, "/baseline/posts");
    if (!toasty.equals(baseline)) {
      int at = 0;
      while (at < Math.min(toasty.size(), baseline.size())
          && toasty.get(at).equals(baseline.get(at))) {
        at++;
      }
      throw new IllegalStateException("the endpoints differ at post " + at + ": "
          + (at < toasty.size() ? toasty.get(at) : "(none)") + " vs "
          + (at < baseline.size() ? baseline.get(at) : "(none)"));
    }
    return toasty.size();
  }

  /** Every post of every page of {@code endpoint}, as one line each. */
  static List<String> walk(WebClient client, String endpoint) {
    List<String> posts = new ArrayList<>();
    String cursor = null;
    do {
      String uri = endpoint + "?size=20" + (cursor == null ? "" : "&after=" + cursor);
      JsonNode page = read(client.get().uri(uri).retrieve().bodyToMono(String.class).block());
      for (JsonNode post : page.get("items")) {
        List<String> labels = post.get("tags").findValuesAsText("label");
        posts.add(post.get("id").asLong() + " " + post.get("title").asText() + " by "
            + post.get("author").get("name").asText() + " " + labels);
      }
      JsonNode next = page.get("next");
      cursor = next == null || next.isNull() ? null : next.asText();
    } while (cursor != null);
    return posts;
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + body, e);
    }
  }
}
