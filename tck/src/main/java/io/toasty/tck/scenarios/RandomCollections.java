package io.toasty.tck.scenarios;

import io.toasty.tck.models.Bag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Random collections for the collection family's round trip: empty ones, Unicode text, integers
 * at their extremes, doubles DynamoDB's numbers hold, absent optional ones.
 */
final class RandomCollections {
  private static final String[] TEXTS = {"", " ", "a", "Grüße", "日本語テキスト", "🎉🚀",
      "שלום", "∀x∈ℝ", "'; DROP TABLE bag; --", "back\\slash", "line\nbreak", "tab\t",
      "%_", "\"quoted\"", "{\"not\": \"json\"}", "null", "\u007f\u0001", "[\"x\"]", "~", "~~a"};
  private static final long[] LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE,
      Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final int[] INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final short[] SHORTS = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE};
  private static final double[] DOUBLES = {0.0, 1.0, -1.5, 0.1, 1e100, -1e-100,
      123456789.123456789, 9007199254740993.0, 1e125, -1e-129};

  private RandomCollections() {}

  static Bag bag(Random r, long id) {
    return new Bag(id, list(r, () -> text(r)), set(r, () -> text(r)),
        list(r, () -> r.nextBoolean() ? (short) r.nextInt() : SHORTS[r.nextInt(SHORTS.length)]),
        list(r, () -> r.nextBoolean() ? r.nextInt() : INTS[r.nextInt(INTS.length)]),
        set(r, () -> r.nextBoolean() ? r.nextLong() : LONGS[r.nextInt(LONGS.length)]),
        list(r, () -> r.nextBoolean() ? DOUBLES[r.nextInt(DOUBLES.length)] : ratio(r)),
        list(r, r::nextBoolean),
        set(r, () -> new UUID(r.nextLong(), r.nextLong())),
        map(r, () -> text(r)),
        map(r, () -> LONGS[r.nextInt(LONGS.length)]),
        r.nextInt(3) == 0 ? Optional.empty() : Optional.of(map(r, () -> ratio(r))),
        r.nextInt(3) == 0 ? Optional.empty() : Optional.of(set(r, r::nextInt)));
  }

  private static <T> List<T> list(Random r, Supplier<T> item) {
    List<T> out = new ArrayList<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      out.add(item.get());
    }
    return out;
  }

  private static <T> Set<T> set(Random r, Supplier<T> item) {
    return new HashSet<>(list(r, item));
  }

  private static <T> Map<String, T> map(Random r, Supplier<T> item) {
    Map<String, T> out = new HashMap<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      out.put(text(r), item.get());
    }
    return out;
  }

  /** A double DynamoDB's numbers hold (magnitude 1E-130 to 9.99E+125); never -0.0. */
  private static double ratio(Random r) {
    double d = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(200) - 100);
    return d == 0 ? 0.0 : d;
  }

  private static String text(Random r) {
    return RandomTexts.text(r, TEXTS);
  }
}
