package io.toasty.tck.scenarios;

import io.toasty.CollectionPath;
import io.toasty.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A random change of a map's entries for the collection family's random changes: entries put
 * (new keys, and some of the map's own keys with other values) or keys removed (partly the
 * map's own), and what the change makes of the map in memory.
 *
 * @param put     whether entries are put (else keys removed)
 * @param entries the entries put
 * @param keys    the keys removed
 */
record RandomMapChange<T>(boolean put, Map<String, T> entries, List<String> keys) {
  static <T> RandomMapChange<T> of(Random r, Map<String, T> own, Map<String, T> fresh) {
    if (!r.nextBoolean()) {
      return new RandomMapChange<>(false, Map.of(),
          RandomChange.some(r, own.keySet(), fresh.keySet()));
    }
    Map<String, T> entries = new LinkedHashMap<>(fresh);
    List<T> values = new ArrayList<>(fresh.values());
    if (!values.isEmpty()) {
      own.keySet().forEach(k -> {
        if (r.nextBoolean()) {
          entries.put(k, values.get(r.nextInt(values.size())));
        }
      });
    }
    return new RandomMapChange<>(true, entries, List.of());
  }

  /** The change as an update assigns it to {@code path}. */
  Expr<Map<String, T>> of(CollectionPath<Map<String, T>, T> path) {
    return put ? path.putAll(entries) : path.removeKeys(keys);
  }

  /** What the change makes of {@code before}. */
  Map<String, T> applied(Map<String, T> before) {
    Map<String, T> out = new LinkedHashMap<>(before);
    if (put) {
      out.putAll(entries);
    } else {
      keys.forEach(out::remove);
    }
    return out;
  }

  /** What the change makes of an absent map: the entries put, else still absent. */
  Optional<Map<String, T>> appliedToNull() {
    return put ? Optional.of(new LinkedHashMap<>(entries)) : Optional.empty();
  }
}
