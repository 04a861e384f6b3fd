package io.toasty.dynamo.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.DriverException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeCodecTest {

  static Value roundTrip(Value v, Type t) {
    return AttributeCodec.decode(AttributeCodec.encode(v), t, "x");
  }

  @Test
  void scalarsRoundTrip() {
    List<Value> values = List.of(Value.TRUE, new Value.I8(Byte.MIN_VALUE),
        new Value.I16(Short.MAX_VALUE), new Value.I32(Integer.MIN_VALUE),
        new Value.I64(Long.MAX_VALUE), new Value.Str(""), new Value.Str("日本語 🎉"),
        new Value.Uuid(UUID.randomUUID()), new Value.Date(LocalDate.of(1, 1, 1)),
        new Value.Time(LocalTime.of(23, 59, 59, 999_999_999)),
        new Value.DateTime(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 1)),
        new Value.Timestamp(Instant.parse("1900-01-01T00:00:00.123456789Z")));
    for (Value v : values) {
      assertEquals(v, roundTrip(v, v.type()));
    }
    assertArrayEquals(new byte[] {0, -1, 7},
        (byte[]) roundTrip(new Value.Bytes(new byte[] {0, -1, 7}), Type.Scalar.BYTES).toJava());
  }

  @Test
  void floatsAndDoublesRoundTripBitForBit() {
    for (float f : new float[] {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE,
        Float.MIN_NORMAL, 0.1f, 1f / 3, 0f}) {
      Value.F32 back = (Value.F32) roundTrip(new Value.F32(f), Type.Scalar.F32);
      assertEquals(Float.floatToIntBits(f), Float.floatToIntBits(back.value()), () -> "" + f);
    }
    for (double d : new double[] {1e125, -1e-129, 0.1, 1.0 / 3, 0.0, 123456789.123456789}) {
      Value.F64 back = (Value.F64) roundTrip(new Value.F64(d), Type.Scalar.F64);
      assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(back.value()),
          () -> "" + d);
    }
  }

  @Test
  void whatDynamoCannotHoldIsRefused() {
    for (Value v : List.of(new Value.F64(Double.NaN), new Value.F32(Float.POSITIVE_INFINITY),
        new Value.F64(Double.MAX_VALUE), new Value.F64(Double.MIN_VALUE))) {
      UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
          () -> AttributeCodec.encode(v));
      assertEquals("dynamodb", e.backend());
    }
  }

  @Test
  void decimalsAreExactAndComeBackNormalized() {
    assertEquals("12345678901234567890.123456789", AttributeCodec.encode(new Value.Decimal(
        new BigDecimal("12345678901234567890.123456789"))).n());
    Value back = AttributeCodec.decode(AttributeValue.fromN("1.50"), Type.Scalar.DECIMAL, "x");
    assertEquals(new BigDecimal("1.5"), back.toJava());
    back = AttributeCodec.decode(AttributeValue.fromN("1E+2"), Type.Scalar.DECIMAL, "x");
    assertEquals(new BigDecimal("100"), back.toJava());
  }

  @Test
  void timesAreFixedWidthSoTheirStringsSortAsTheyDo() {
    List<Instant> instants = List.of(Instant.parse("1969-12-31T23:59:59.999999999Z"),
        Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("1970-01-01T00:00:00.1Z"),
        Instant.parse("1970-01-01T00:00:01Z"), Instant.parse("2024-05-06T07:08:09.5Z"));
    List<String> texts = new ArrayList<>();
    instants.forEach(i -> texts.add(AttributeCodec.encode(new Value.Timestamp(i)).s()));
    assertEquals(texts.stream().sorted().toList(), texts);
    assertEquals("2024-05-06T07:08:09.500000000Z", texts.get(4));
    OffsetDateTime odt = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2));
    Value back = roundTrip(new Value.OffsetDateTimeValue(odt), Type.Scalar.OFFSET_DATE_TIME);
    assertEquals(odt.toInstant(), ((OffsetDateTime) back.toJava()).toInstant());
  }

  @Test
  void nullIsAnAbsentAttributeAndNulReadsAsNull() {
    assertNull(AttributeCodec.encode(Value.NULL));
    assertEquals(Value.NULL, AttributeCodec.decode(null, Type.Scalar.STRING, "x"));
    assertEquals(Value.NULL, AttributeCodec.decode(AttributeValue.fromNul(true),
        Type.Scalar.I32, "x"));
  }

  @Test
  void aMismatchedAttributeIsADriverErrorNamingIt() {
    DriverException e = assertThrows(DriverException.class,
        () -> AttributeCodec.decode(AttributeValue.fromS("x"), Type.Scalar.I32, "users.age"));
    assertTrue(e.getMessage().contains("users.age"), e::getMessage);
    assertThrows(DriverException.class,
        () -> AttributeCodec.decode(AttributeValue.fromN("300"), Type.Scalar.I8, "t.b"));
  }
}
