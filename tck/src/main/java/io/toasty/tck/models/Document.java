package io.toasty.tck.models;

import io.toasty.annotations.Json;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Random documents written and read back (JSON family's round trip). */
@Model
public record Document(
    @Key long id,
    @Json Body body,
    @Json Optional<Body> draft) {

  /**
   * The document: text of any kind (also as map keys), integers at their extremes, doubles,
   * booleans, a null part, empty and nested collections.
   */
  public record Body(String text, long big, int small, double ratio, boolean flag, String note,
      List<String> words, Map<String, String> attributes, List<List<Long>> grid) {}
}
