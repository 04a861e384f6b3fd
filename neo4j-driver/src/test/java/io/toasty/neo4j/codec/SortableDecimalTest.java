package io.toasty.neo4j.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortableDecimalTest {

  @Test
  void examplesSortAsNumbers() {
    List<String> numbers = List.of("-1E+40", "-100", "-10", "-9.5", "-9", "-0.51", "-0.5",
        "-1E-30", "0", "1E-30", "0.5", "0.51", "9", "9.5", "10", "100", "1E+40");
    for (int i = 0; i + 1 < numbers.size(); i++) {
      String a = SortableDecimal.encode(new BigDecimal(numbers.get(i)));
      String b = SortableDecimal.encode(new BigDecimal(numbers.get(i + 1)));
      assertEquals(-1, Integer.signum(a.compareTo(b)), numbers.get(i) + " < " + numbers.get(i + 1)
          + ": " + a + " vs " + b);
    }
  }

  @Test
  void tenThousandRandomDecimalsRoundTripAndSortAsNumbers() {
    Random random = new Random(20261123L);
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      BigInteger unscaled = new BigInteger(1 + random.nextInt(120), random);
      if (random.nextBoolean()) {
        unscaled = unscaled.negate();
      }
      values.add(new BigDecimal(unscaled, random.nextInt(200) - 100));
    }
    for (BigDecimal v : values) {
      BigDecimal back = SortableDecimal.decode(SortableDecimal.encode(v));
      assertEquals(0, v.compareTo(back), v + " read back as " + back);
      assertEquals(SortableDecimal.encode(v), SortableDecimal.encode(back), "one text per value");
    }
    List<BigDecimal> byNumber = new ArrayList<>(values);
    byNumber.sort(Comparator.naturalOrder());
    Map<BigDecimal, String> text = new IdentityHashMap<>();
    values.forEach(v -> text.put(v, SortableDecimal.encode(v)));
    List<BigDecimal> byText = new ArrayList<>(values);
    byText.sort(Comparator.comparing(text::get));
    for (int i = 0; i < values.size(); i++) {
      assertEquals(0, byNumber.get(i).compareTo(byText.get(i)), "position " + i);
    }
  }
}
