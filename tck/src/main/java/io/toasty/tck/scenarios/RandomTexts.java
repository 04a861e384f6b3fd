package io.toasty.tck.scenarios;

import java.util.Random;

/** Random text for round-trip scenarios: picked from hard cases, or random code points. */
final class RandomTexts {
  private RandomTexts() {}

  /**
   * One of {@code picks} two times in three, else up to 11 random defined code points of the
   * first two planes (no NUL, no lone surrogate, no private use).
   */
  static String text(Random random, String[] picks) {
    if (random.nextInt(3) > 0) {
      return picks[random.nextInt(picks.length)];
    }
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      int cp;
      do {
        cp = 1 + random.nextInt(0x1FFFF);
      } while (!Character.isDefined(cp) || Character.getType(cp) == Character.SURROGATE
          || Character.getType(cp) == Character.PRIVATE_USE);
      out.appendCodePoint(cp);
    }
    return out.toString();
  }
}
