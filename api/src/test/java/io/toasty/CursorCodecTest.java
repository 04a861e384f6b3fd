package io.toasty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.InvalidCursorException;
import io.toasty.internal.KeysetOrder;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cursors as untrusted input: every type round-trips; every altered byte, every truncation,
 * another key, another model or order, and forged values of the wrong type are refused.
 */
class CursorCodecTest {
  private static final Type COLOR = new Type.Enum("x.Color", List.of("RED", "BLUE"));
  private static final List<Type> TYPES = List.of(Type.Scalar.BOOL, Type.Scalar.I8,
      Type.Scalar.I16, Type.Scalar.I32, Type.Scalar.I64, Type.Scalar.F32, Type.Scalar.F64,
      Type.Scalar.STRING, Type.Scalar.BYTES, Type.Scalar.UUID, Type.Scalar.DECIMAL,
      Type.Scalar.INSTANT, Type.Scalar.LOCAL_DATE, Type.Scalar.LOCAL_TIME,
      Type.Scalar.LOCAL_DATE_TIME, Type.Scalar.OFFSET_DATE_TIME, COLOR, Type.Scalar.STRING);
  private static final Value[] VALUES = {Value.TRUE, new Value.I8((byte) -3),
      new Value.I16((short) 300), new Value.I32(-70_000), new Value.I64(Long.MIN_VALUE),
      new Value.F32(1.5f), new Value.F64(-0.25), new Value.Str("naïve ✓"),
      new Value.Bytes(new byte[] {0, 1, -1}), new Value.Uuid(UUID.randomUUID()),
      new Value.Decimal(new BigDecimal("12.340")),
      new Value.Timestamp(Instant.parse("2026-11-23T00:00:00.123456789Z")),
      new Value.Date(LocalDate.of(1999, 12, 31)), new Value.Time(LocalTime.of(23, 59, 1, 7)),
      new Value.DateTime(LocalDateTime.of(2020, 2, 29, 12, 0)),
      new Value.OffsetDateTimeValue(OffsetDateTime.of(2021, 1, 1, 0, 0, 0, 0,
          ZoneOffset.ofHours(-5))), new Value.Str("BLUE"), Value.NULL};

  static ModelSchema model(String name, List<Type> types) {
    List<FieldSchema> fields = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      fields.add(new FieldSchema(i, "f" + i, types.get(i), i == types.size() - 1, null, null,
          "f" + i));
    }
    return new ModelSchema(name, "x." + name, name.toLowerCase(), fields, List.of(0),
        List.of());
  }

  static KeysetOrder order(ModelSchema model, OrderBy.Direction direction) {
    List<OrderBy> terms = new ArrayList<>();
    for (int i = 0; i < model.fields().size(); i++) {
      terms.add(new OrderBy(new ExprNode.Field(model.name(), i), direction));
    }
    return KeysetOrder.of(model, new Query(new Source.Model(model.name()), ExprNode.TRUE,
        Returning.Model.plain(), terms, null));
  }

  private final ModelSchema model = model("Thing", TYPES);
  private final KeysetOrder order = order(model, OrderBy.Direction.ASC);
  private final CursorKey key = CursorKey.random();

  @Test
  void everyTypeRoundTripsInAUrlSafeCursor() {
    String cursor = CursorCodec.encode(order, key, VALUES, false);
    assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
    CursorCodec.Position p = CursorCodec.decode(order, key, cursor);
    assertArrayEquals(VALUES, p.key());
    assertTrue(CursorCodec.decode(order, key, CursorCodec.encode(order, key, VALUES, true))
        .inclusive());
  }

  @Test
  void everyAlteredByteAndEveryTruncationIsRefused() {
    byte[] raw = Base64.getUrlDecoder().decode(CursorCodec.encode(order, key, VALUES, false));
    for (int i = 0; i < raw.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] altered = raw.clone();
        altered[i] ^= (byte) (1 << bit);
        refused(Base64.getUrlEncoder().withoutPadding().encodeToString(altered));
      }
      byte[] cut = Arrays.copyOf(raw, i);
      refused(Base64.getUrlEncoder().withoutPadding().encodeToString(cut));
    }
  }

  @Test
  void everyOtherSpellingOfTheSameBytesIsRefused() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (String text : List.of("", "a", "ab")) {   // 0, 1 and 2 bytes left over by base64
      Value[] values = VALUES.clone();
      values[7] = new Value.Str(text);
      String cursor = CursorCodec.encode(order, key, values, false);
      String head = cursor.substring(0, cursor.length() - 1);
      for (char c : alphabet.toCharArray()) {
        if (c != cursor.charAt(cursor.length() - 1)) {
          refused(head + c);   // also where only the unused low bits differ
        }
      }
      refused(cursor + "=");
      refused(cursor + "==");
    }
  }

  @Test
  void anotherKeyModelOrOrderIsRefused() {
    String cursor = CursorCodec.encode(order, key, VALUES, false);
    refused(cursor, order, CursorKey.random());
    refused(cursor, order(model("Other", TYPES), OrderBy.Direction.ASC), key);
    refused(cursor, order(model, OrderBy.Direction.DESC), key);
    refused(cursor, order.reversed(), key);
  }

  @Test
  void forgedValuesOfTheWrongShapeAreRefused() {
    ModelSchema small = model("Small", List.of(Type.Scalar.LOCAL_TIME, COLOR));
    KeysetOrder o = order(small, OrderBy.Direction.ASC);
    byte[] shape = o.shape();
    refused(forge(shape, new byte[] {1, 127, -1, -1, -1, -1, -1, -1, -1, 0}), o, key);
    refused(forge(shape, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 4, 'R', 'E', 'D'}), o,
        key);  // a length of 4 over 3 bytes
    refused(forge(shape, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 4, 'P', 'I', 'N', 'K'}),
        o, key);
    refused(forge(shape, new byte[] {0, 0}), o, key);  // NULL for a required field
    refused(forge(shape, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 9}), o, key);  // trailing
    CursorCodec.decode(o, key, forge(shape, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 3,
        'R', 'E', 'D'}));
  }

  private String forge(byte[] shape, byte[] values) {
    byte[] body = new byte[1 + shape.length + 1 + values.length];
    body[0] = 1;
    System.arraycopy(shape, 0, body, 1, shape.length);
    System.arraycopy(values, 0, body, 2 + shape.length, values.length);
    return CursorCodec.sign(key, body);
  }

  private void refused(String cursor) {
    refused(cursor, order, key);
  }

  private static void refused(String cursor, KeysetOrder order, CursorKey key) {
    assertThrows(InvalidCursorException.class, () -> CursorCodec.decode(order, key, cursor),
        cursor);
  }
}
