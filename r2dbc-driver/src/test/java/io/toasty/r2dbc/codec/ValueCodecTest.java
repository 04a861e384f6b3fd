package io.toasty.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.r2dbc.Fixtures;
import io.toasty.sql.dialect.H2Dialect;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Conversions that do not need a database: numbers widened and narrowed here, not by drivers. */
class ValueCodecTest {
  private final ValueCodec codec = new ValueCodec(H2Dialect.INSTANCE);

  @Test
  void aListBindsAsAnArrayOfDistinctValuesOfTheColumnsClass() {
    Value.ListValue keys = new Value.ListValue(List.of(new Value.I64(7),
        new Value.I64(7)));
    assertArrayEquals(new Long[] {7L}, codec.array(keys, Type.Scalar.I64));
    assertArrayEquals(new Integer[] {3, null}, codec.array(new Value.ListValue(List.of(
        new Value.I64(3), Value.NULL, new Value.I32(3))), Type.Scalar.I32));
    assertThrows(IllegalArgumentException.class, () -> codec.array(new Value.ListValue(
        List.of(new Value.I64(1L << 40))), Type.Scalar.I32));
  }

  @Test
  void integersWidenFromAnyIntegralColumn() {
    assertEquals(new Value.I64(7), codec.decode(7, Type.Scalar.I64));
    assertEquals(new Value.I64(7), codec.decode((short) 7, Type.Scalar.I64));
    assertEquals(new Value.I64(7), codec.decode(new BigDecimal("7.000"), Type.Scalar.I64));
    assertEquals(new Value.I8((byte) -3), codec.decode(-3L, Type.Scalar.I8));
    assertEquals(new Value.I32(1), codec.decode(true, Type.Scalar.I32));
  }

  @Test
  void narrowingThatLosesInformationFails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> codec.decode(300, Type.Scalar.I8));
    assertTrue(e.getMessage().contains("300"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> codec.decode(new BigDecimal("1.5"), Type.Scalar.I64));
    assertThrows(IllegalArgumentException.class,
        () -> codec.decode((long) Integer.MAX_VALUE + 1, Type.Scalar.I32));
    assertThrows(IllegalArgumentException.class, () -> codec.decode("7", Type.Scalar.I64));
  }

  @Test
  void decimalsAreNormalized() {
    assertEquals(new Value.Decimal(new BigDecimal("1.5")),
        codec.decode(new BigDecimal("1.5000000000"), Type.Scalar.DECIMAL));
    assertEquals(new Value.Decimal(new BigDecimal("100")),
        codec.decode(new BigDecimal("1E+2"), Type.Scalar.DECIMAL));
    assertEquals(new Value.Decimal(BigDecimal.ZERO),
        codec.decode(new BigDecimal("0E-500"), Type.Scalar.DECIMAL));
    assertEquals(new Value.Decimal(new BigDecimal("42")), codec.decode(42, Type.Scalar.DECIMAL));
  }

  @Test
  void negativeScalesAreBoundAtScaleZero() {
    assertEquals(new BigDecimal("100000"),
        codec.encode(new Value.Decimal(new BigDecimal("1E+5"))));
    assertEquals(0, ((BigDecimal) codec.encode(new Value.Decimal(new BigDecimal("1E+5"))))
        .scale());
  }

  @Test
  void timesConvertBetweenInstantAndOffsetDateTime() {
    OffsetDateTime t = OffsetDateTime.parse("2024-01-02T03:04:05.123456789+02:00");
    assertEquals(new Value.Timestamp(t.toInstant()), codec.decode(t, Type.Scalar.INSTANT));
    assertEquals(new Value.OffsetDateTimeValue(t), codec.decode(t, Type.Scalar.OFFSET_DATE_TIME));
    Instant i = Instant.parse("2024-01-02T01:04:05Z");
    assertEquals(i.atOffset(ZoneOffset.UTC), codec.encode(new Value.Timestamp(i)));
  }

  @Test
  void bytesUuidsAndEnums() {
    byte[] bytes = {1, 2, 3};
    assertEquals(new Value.Bytes(bytes), codec.decode(ByteBuffer.wrap(bytes), Type.Scalar.BYTES));
    assertArrayEquals(bytes, (byte[]) codec.encode(new Value.Bytes(bytes)));
    UUID u = UUID.randomUUID();
    assertEquals(new Value.Uuid(u), codec.decode(u.toString(), Type.Scalar.UUID));
    assertEquals(new Value.Str("ACTIVE"), codec.decode("ACTIVE", Fixtures.STATUS));
    assertEquals("ACTIVE", codec.encode(new Value.Str("ACTIVE")));
  }

  @Test
  void nullDecodesToNullWhateverTheType() {
    for (Type t : Fixtures.SCALARS) {
      assertEquals(Value.NULL, codec.decode(null, t));
    }
  }

  @Test
  void recordsCannotBeBoundAsOneParameter() {
    assertThrows(IllegalArgumentException.class,
        () -> codec.encode(Value.Record.of(new Value.I64(1))));
  }
}
