package io.toasty.tck.scenarios;

import io.toasty.Condition;
import io.toasty.Expr;
import io.toasty.Numeric;
import io.toasty.tck.models.ScoreCreate;
import io.toasty.tck.models.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Random rows of {@code Score} and random filters over them, for {@link FilterFuzzScenarios}:
 * every operator of the query language, NULLs, nesting, arithmetic (division and remainder by
 * zero included), and text with {@code %}, {@code _}, backslashes and quotes. Values stay small so
 * that no arithmetic overflows; names are lower-case letters only, so that their order is the
 * same under every database collation.
 */
final class FilterGenerator {
  private static final String TEXT = "aAbB%_\\' ";
  private final Random random;

  FilterGenerator(long seed) {
    this.random = new Random(seed);
  }

  ScoreCreate row() {
    return Scores.create().name(word("abc", 1 + random.nextInt(3)))
        .points(between(-20, 20)).total((long) between(-100, 100))
        .bonus(random.nextInt(4) == 0 ? Optional.empty() : Optional.of(between(-5, 5)))
        .level(random.nextInt(4) == 0 ? Optional.empty()
            : Optional.of((short) between(-3, 3)))
        .ratio(random.nextInt(4) == 0 ? Optional.empty()
            : Optional.of(new double[] {-1.5, 0.0, 0.5, 2.0}[random.nextInt(4)]))
        .tag(random.nextInt(5) == 0 ? Optional.empty()
            : Optional.of(word(TEXT, 1 + random.nextInt(4))));
  }

  /** A random condition of at most {@code depth} levels of and/or/not. */
  Condition condition(int depth) {
    int pick = random.nextInt(depth > 0 ? 10 : 7);
    return switch (pick) {
      case 0, 1 -> integers();
      case 2 -> others();
      case 3, 4 -> text();
      case 5 -> nulls();
      case 6 -> lists();
      case 7 -> condition(depth - 1).and(condition(depth - 1));
      case 8 -> condition(depth - 1).or(condition(depth - 1));
      default -> condition(depth - 1).not();
    };
  }

  private Condition integers() {
    Expr<Integer> e = intExpr(2);
    int lit = between(-30, 30);
    return switch (random.nextInt(9)) {
      case 0 -> e.eq(lit);
      case 1 -> e.ne(lit);
      case 2 -> e.lt(lit);
      case 3 -> e.le(lit);
      case 4 -> e.gt(intExpr(1));
      case 5 -> e.ge(intExpr(1));
      case 6 -> e.between(lit, lit + random.nextInt(20) - 5);
      case 7 -> e.notBetween(lit, lit + random.nextInt(20) - 5);
      default -> e.isNotDistinctFrom(intExpr(1));
    };
  }

  /** An integer expression: a field, or arithmetic over fields and values. */
  @SuppressWarnings("unchecked")
  private Expr<Integer> intExpr(int depth) {
    if (depth == 0 || random.nextInt(3) == 0) {
      return random.nextBoolean() ? Scores.POINTS : Scores.BONUS;
    }
    Numeric<Integer> left = (Numeric<Integer>) intExpr(depth - 1);
    boolean value = random.nextBoolean();
    int v = between(-4, 4);
    Numeric<?> right = (Numeric<?>) intExpr(depth - 1);
    return switch (random.nextInt(5)) {
      case 0 -> value ? left.plus(v) : left.plus(right);
      case 1 -> value ? left.minus(v) : left.minus(right);
      case 2 -> value ? left.times(v) : left.times(right);
      case 3 -> value ? left.div(v) : left.div(right);
      default -> value ? left.mod(v) : left.mod(right);
    };
  }

  /** Long, short and double fields, across widths. */
  private Condition others() {
    return switch (random.nextInt(8)) {
      case 0 -> Scores.TOTAL.gt((long) between(-100, 100));
      case 1 -> Scores.TOTAL.div(Scores.POINTS.asLong()).le((long) between(-10, 10));
      case 2 -> Scores.POINTS.asLong().lt(Scores.TOTAL.mod(7L));
      case 3 -> Scores.LEVEL.between((short) between(-3, 1), (short) between(0, 3));
      case 4 -> Scores.LEVEL.plus((short) 1).ge((short) between(-2, 4));
      case 5 -> Scores.RATIO.lt(Scores.POINTS.asDouble());
      case 6 -> Scores.RATIO.ge(new double[] {-1.5, 0.0, 0.5, 2.0}[random.nextInt(4)]);
      default -> Scores.LEVEL.asLong().eq(Scores.TOTAL.mod(4L));
    };
  }

  private Condition text() {
    String w = word(TEXT, random.nextInt(3) + 1);
    return switch (random.nextInt(14)) {
      case 0 -> Scores.TAG.eq(w);
      case 1 -> Scores.TAG.ne(w);
      case 2 -> Scores.TAG.startsWith(w);
      case 3 -> Scores.TAG.endsWith(w);
      case 4 -> Scores.TAG.contains(w);
      case 5 -> Scores.TAG.like(pattern());
      case 6 -> Scores.TAG.likeIgnoreCase(pattern());
      case 7 -> Scores.TAG.eqIgnoreCase(w);
      case 8 -> Scores.TAG.length().gt((long) random.nextInt(5));
      case 9 -> Scores.TAG.lower().eq(w.toLowerCase(Locale.ROOT));
      case 10 -> Scores.TAG.upper().ne(w);
      case 11 -> Scores.NAME.between(word("abc", 1), word("abc", 2));
      case 12 -> Scores.NAME.lt(word("abc", 1 + random.nextInt(2)));
      default -> Scores.TAG.containsIgnoreCase(w);
    };
  }

  private Condition nulls() {
    return switch (random.nextInt(5)) {
      case 0 -> Scores.BONUS.isNull();
      case 1 -> Scores.LEVEL.isNotNull();
      case 2 -> Scores.TAG.isNull();
      case 3 -> Scores.RATIO.isNull();
      default -> Scores.TAG.isNotDistinctFrom(random.nextBoolean() ? null : word(TEXT, 1));
    };
  }

  private Condition lists() {
    List<Integer> ints = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      ints.add(between(-6, 6));
      words.add(word(TEXT, 1 + random.nextInt(2)));
    }
    return switch (random.nextInt(5)) {
      case 0 -> Scores.POINTS.in(ints);
      case 1 -> Scores.BONUS.notIn(ints);
      case 2 -> Scores.TAG.in(words);
      case 3 -> Scores.TAG.notIn(words);
      default -> Scores.TAG.inIgnoreCase(words);
    };
  }

  /** A LIKE pattern: literal characters, wildcards, and escapes that always escape something. */
  private String pattern() {
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(4) + 1; i > 0; i--) {
      int k = random.nextInt(6);
      if (k == 0) {
        out.append('%');
      } else if (k == 1) {
        out.append('_');
      } else if (k == 2) {
        out.append('\\').append("%_\\a".charAt(random.nextInt(4)));
      } else {
        out.append("aAb' ".charAt(random.nextInt(5)));
      }
    }
    return out.toString();
  }

  private String word(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }
}
