package io.toasty.tck.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The comparison of a round trip's records as written with the records read back. */
final class RoundTrips {
  private RoundTrips() {}

  /**
   * Each record read that differs from the one written under its key, and each written one not
   * read back; empty when the round trip lost and changed nothing. Consumes {@code written}.
   */
  static <K, R> List<String> differences(Map<K, R> written, List<R> read, Function<R, K> key) {
    List<String> out = new ArrayList<>();
    for (R r : read) {
      R expected = written.remove(key.apply(r));
      if (!r.equals(expected)) {
        out.add(r + " != " + expected);
      }
    }
    written.values().forEach(r -> out.add("missing " + r));
    return out;
  }
}
