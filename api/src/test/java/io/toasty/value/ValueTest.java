package io.toasty.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ValueTest {

  @Test
  void decimalsCompareByNumericValue() {
    Value a = new Value.Decimal(new BigDecimal("1.50"));
    Value b = new Value.Decimal(new BigDecimal("1.5"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new Value.Decimal(new BigDecimal("1.51")));
  }

  @Test
  void bytesCompareByContentAndAreCopied() {
    byte[] raw = {1, 2, 3};
    Value.Bytes v = new Value.Bytes(raw);
    raw[0] = 9;
    assertEquals(new Value.Bytes(new byte[] {1, 2, 3}), v);
  }

  @Test
  void ofMapsJavaTypes() {
    assertEquals(new Value.I64(5), Value.of(5L));
    assertEquals(new Value.I32(5), Value.of(5));
    assertEquals(Value.NULL, Value.of(Optional.empty()));
    assertEquals(new Value.Str("x"), Value.of(Optional.of("x")));
    assertEquals(new Value.Str("SECONDS"), Value.of(TimeUnit.SECONDS));
    UUID u = UUID.randomUUID();
    assertEquals(new Value.Uuid(u), Value.of(u));
    assertEquals(new Value.ListValue(List.of(new Value.I32(1))), Value.of(List.of(1)));
  }

  @Test
  void ofRejectsUnmappedTypesNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Value.of(new Object()));
    assertEquals(true, e.getMessage().contains("java.lang.Object"));
  }

  @Test
  void valuesNarrowOnlyWhenLossless() {
    assertEquals(7, Values.asInt(new Value.I64(7)));
    assertThrows(ArithmeticException.class, () -> Values.asInt(new Value.I64(Long.MAX_VALUE)));
    assertThrows(IllegalArgumentException.class, () -> Values.asByte(new Value.I32(300)));
  }
}
