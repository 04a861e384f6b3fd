package io.toasty.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CollectionJsonTest {
  private static final Type.CollectionOf STRINGS =
      new Type.CollectionOf(Type.CollectionOf.Shape.LIST, Type.Scalar.STRING);
  private static final Type.CollectionOf SHORTS =
      new Type.CollectionOf(Type.CollectionOf.Shape.SET, Type.Scalar.I16);
  private static final Type.CollectionOf DOUBLES =
      new Type.CollectionOf(Type.CollectionOf.Shape.MAP, Type.Scalar.F64);

  @Test
  void textWithEveryEscapeRoundTrips() {
    Value v = CollectionValues.of(List.of("", "\"q\"", "back\\slash", "line\nbreak\ttab\r",
        "\u0001\u007f", "日本語 🎉", "{\"a\":[1]}"), STRINGS);
    String text = CollectionJson.write(v);
    assertEquals(v, CollectionJson.read(text, STRINGS));
  }

  @Test
  void itemsComeBackAsTheirExactVariants() {
    Value read = CollectionJson.read("[1, -32768, 32767]", SHORTS);
    assertEquals(new Value.Items(SHORTS, List.of(new Value.I16((short) 1),
        new Value.I16(Short.MIN_VALUE), new Value.I16(Short.MAX_VALUE))), read);
    assertThrows(ArithmeticException.class, () -> CollectionJson.read("[32768]", SHORTS));
  }

  @Test
  void mapsReadAsADatabaseReformatsThem() {
    Map<String, Value> entries = new LinkedHashMap<>();
    entries.put("", new Value.F64(1e100));
    entries.put("k", new Value.F64(-1.5e-100));
    Value v = new Value.Entries(DOUBLES, entries);
    assertEquals("{\"\":1.0E100,\"k\":-1.5E-100}", CollectionJson.write(v));
    // jsonb writes numbers in full and puts spaces after colons and commas
    assertEquals(v, CollectionJson.read("{\"\": 1" + "0".repeat(100) + ", \"k\": -1.5e-100}",
        DOUBLES));
  }

  @Test
  void uuidsAreStrings() {
    UUID u = UUID.randomUUID();
    Type.CollectionOf uuids = new Type.CollectionOf(Type.CollectionOf.Shape.SET,
        Type.Scalar.UUID);
    assertEquals("[\"" + u + "\"]", CollectionJson.write(CollectionValues.of(List.of(u), uuids)));
    assertEquals(CollectionValues.of(List.of(u), uuids),
        CollectionJson.read("[\"" + u + "\"]", uuids));
  }

  @Test
  void malformedTextAndNonFiniteNumbersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> CollectionJson.read("[\"a\",]", STRINGS));
    assertThrows(IllegalArgumentException.class, () -> CollectionJson.read("[\"a\"] x", STRINGS));
    assertThrows(IllegalArgumentException.class, () -> CollectionJson.read("[null]", STRINGS));
    assertThrows(IllegalArgumentException.class, () -> CollectionJson.write(
        new Value.Entries(DOUBLES, Map.of("n", new Value.F64(Double.NaN)))));
  }
}
