package io.toasty.tck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How hard the {@code LoadTest} family pushes, from system properties, so that the CI run and a
 * longer soak are the same code:
 *
 * <pre>
 * -Dtoasty.load.subscribers=200   subscribers in flight at once in each round
 * -Dtoasty.load.rounds=6          rounds per pool size (at least)
 * -Dtoasty.load.pools=1,2,10      pool sizes, each with a database of its own
 * -Dtoasty.load.cancel=0.3        share of subscribers cancelled at a random moment
 * -Dtoasty.load.soak=PT10M        keep running rounds per pool size until this much time passed
 * -Dtoasty.load.seed=42           the random choices' seed
 * </pre>
 *
 * @param subscribers subscribers in flight at once in each round
 * @param rounds      rounds per pool size, at least
 * @param pools       pool sizes to run with
 * @param cancelShare share of subscribers cancelled at a random moment
 * @param soak        how long to keep running rounds per pool size (zero: just the rounds)
 * @param seed        the random choices' seed
 */
public record LoadSettings(int subscribers, int rounds, List<Integer> pools, double cancelShare,
    Duration soak, long seed) {

  /** The settings the system properties give, with CI's defaults. */
  public static LoadSettings fromSystemProperties() {
    return new LoadSettings(
        Integer.getInteger("toasty.load.subscribers", 200),
        Integer.getInteger("toasty.load.rounds", 6),
        pools(System.getProperty("toasty.load.pools", "1,2,10")),
        Double.parseDouble(System.getProperty("toasty.load.cancel", "0.3")),
        Duration.parse(System.getProperty("toasty.load.soak", "PT0S")),
        Long.getLong("toasty.load.seed", 0x10AD_5EEDL));
  }

  private static List<Integer> pools(String list) {
    List<Integer> sizes = new ArrayList<>();
    for (String part : list.split(",")) {
      sizes.add(Integer.parseInt(part.trim()));
    }
    return List.copyOf(sizes);
  }

  /** Whether another round runs after {@code done} rounds begun at {@code startNanos}. */
  public boolean anotherRound(int done, long startNanos) {
    return done < rounds || System.nanoTime() - startNanos < soak.toNanos();
  }
}
