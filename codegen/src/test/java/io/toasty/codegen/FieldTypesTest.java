package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.NumberPath;
import io.toasty.Path;
import io.toasty.codegen.samples.AllTypes;
import io.toasty.codegen.samples.AllTypesModels;
import io.toasty.codegen.samples.Settings;
import io.toasty.codegen.samples.Status;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
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
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every supported field type, through the generated schema, loader and value conversion. */
class FieldTypesTest {
  private static final UUID ID = UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
  private static final Instant AT = Instant.parse("2024-05-06T07:08:09.123Z");

  @Test
  void typesFollowTheMapping() {
    List<Type> expected = List.of(Type.Scalar.I32, Type.Scalar.BOOL, Type.Scalar.I8,
        Type.Scalar.I16, Type.Scalar.I64, Type.Scalar.F32, Type.Scalar.F64, Type.Scalar.BOOL,
        Type.Scalar.I8, Type.Scalar.I16, Type.Scalar.I32, Type.Scalar.I64, Type.Scalar.F32,
        Type.Scalar.F64, Type.Scalar.STRING, Type.Scalar.BYTES, Type.Scalar.UUID,
        Type.Scalar.DECIMAL, Type.Scalar.INSTANT, Type.Scalar.LOCAL_DATE, Type.Scalar.LOCAL_TIME,
        Type.Scalar.LOCAL_DATE_TIME, Type.Scalar.OFFSET_DATE_TIME,
        new Type.Enum("io.toasty.codegen.samples.Status", List.of("DRAFT", "PUBLISHED")),
        Type.Scalar.BOOL, Type.Scalar.I64, Type.Scalar.STRING, Type.Scalar.BYTES,
        Type.Scalar.UUID, Type.Scalar.DECIMAL, Type.Scalar.INSTANT, Type.Scalar.LOCAL_DATE,
        new Type.Enum("io.toasty.codegen.samples.Status", List.of("DRAFT", "PUBLISHED")));
    assertEquals(expected, AllTypesModels.MODEL.schema().fields().stream()
        .map(FieldSchema::type).toList());
  }

  @Test
  void onlyOptionalFieldsAreNullable() {
    for (FieldSchema f : AllTypesModels.MODEL.schema().fields()) {
      assertEquals(f.name().startsWith("maybe"), f.nullable(), f.name());
    }
  }

  @Test
  void numericFieldsHaveNumberPaths() {
    assertInstanceOf(NumberPath.class, AllTypesModels.TINY);
    assertInstanceOf(NumberPath.class, AllTypesModels.BOXED_RATIO);
    assertInstanceOf(NumberPath.class, AllTypesModels.PRICE);
    assertInstanceOf(NumberPath.class, AllTypesModels.MAYBE_BIG);
    Path<String> text = AllTypesModels.TEXT;
    assertFalse(text instanceof NumberPath);
    Path<byte[]> data = AllTypesModels.DATA;
    assertEquals(Type.Scalar.BYTES, data.type());
  }

  @Test
  void everyTypeRoundTrips() {
    AllTypes record = full();
    Value.Record row = AllTypesModels.MODEL.values(record);
    assertEquals(new Value.I8((byte) -3), row.get(2));
    assertEquals(new Value.Bytes(new byte[] {1, 2}), row.get(15));
    assertEquals(new Value.Timestamp(AT), row.get(18));
    assertEquals(new Value.Str("DRAFT"), row.get(23));
    AllTypes loaded = AllTypesModels.MODEL.load(row);
    assertArrayEquals(record.data(), loaded.data());
    assertArrayEquals(record.maybeData().orElseThrow(), loaded.maybeData().orElseThrow());
    assertEquals(row, AllTypesModels.MODEL.values(loaded));
  }

  @Test
  void emptyOptionalsRoundTripAsNull() {
    AllTypes record = withEmptyOptionals(full());
    Value.Record row = AllTypesModels.MODEL.values(record);
    for (int i = 24; i < row.size(); i++) {
      assertEquals(Value.NULL, row.get(i), "field " + i);
    }
    // Records holding arrays compare them by identity, so compare the loaded record's values.
    assertEquals(row, AllTypesModels.MODEL.values(AllTypesModels.MODEL.load(row)));
    assertEquals(Optional.empty(), AllTypesModels.MODEL.load(row).maybeData());
  }

  @Test
  void loadConvertsWhatDriversReturn() {
    List<Value> values = new ArrayList<>(AllTypesModels.MODEL.values(full()).fields());
    values.set(4, new Value.I32(12));                        // long from an INT column
    values.set(16, new Value.Str(ID.toString()));            // UUID as text
    values.set(22, new Value.Timestamp(AT));                 // OffsetDateTime from an instant
    AllTypes loaded = AllTypesModels.MODEL.load(new Value.Record(values));
    assertEquals(12L, loaded.big());
    assertEquals(ID, loaded.uuid());
    assertEquals(AT.atOffset(ZoneOffset.UTC), loaded.offset());
  }

  @Test
  void defaultsAreParsedPerType() {
    ModelSchema schema = Settings.MODEL.schema();
    assertNull(schema.field("id").defaultValue());
    assertEquals(Value.TRUE, schema.field("flag").defaultValue());
    assertEquals(new Value.I8(Byte.MIN_VALUE), schema.field("tiny").defaultValue());
    assertEquals(new Value.I16(Short.MAX_VALUE), schema.field("small").defaultValue());
    assertEquals(new Value.I32(Integer.MIN_VALUE), schema.field("minInt").defaultValue());
    assertEquals(new Value.I64(Long.MAX_VALUE), schema.field("maxLong").defaultValue());
    assertEquals(new Value.F32(1.5f), schema.field("ratio").defaultValue());
    assertEquals(new Value.F64(2250.0), schema.field("amount").defaultValue());
    assertEquals(new Value.Str("say \"hi\"\n"), schema.field("text").defaultValue());
    assertEquals(new Value.Uuid(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
        schema.field("uuid").defaultValue());
    assertEquals(new Value.Decimal(new BigDecimal("12.50")), schema.field("price").defaultValue());
    assertEquals(new Value.Timestamp(Instant.parse("2024-01-01T00:00:00Z")),
        schema.field("at").defaultValue());
    assertEquals(new Value.Date(LocalDate.of(2024, 2, 29)), schema.field("day").defaultValue());
    assertEquals(new Value.Time(LocalTime.of(12, 30)), schema.field("time").defaultValue());
    assertEquals(new Value.DateTime(LocalDateTime.of(2024, 1, 1, 12, 30)),
        schema.field("local").defaultValue());
    assertEquals(new Value.OffsetDateTimeValue(OffsetDateTime.of(2024, 1, 1, 12, 30, 0, 0,
        ZoneOffset.ofHours(1))), schema.field("offset").defaultValue());
    assertEquals(new Value.Str("PUBLISHED"), schema.field("status").defaultValue());
    assertEquals(new Value.I32(5), schema.field("boxed").defaultValue());
    assertEquals(new Value.Str("none"), schema.field("maybeText").defaultValue());
  }

  @Test
  void defaultedFieldsAreNotRequired() {
    ModelSchema schema = Settings.MODEL.schema();
    assertTrue(schema.field("id").isRequired());
    assertFalse(schema.field("boxed").isRequired());
  }

  private static AllTypes full() {
    return new AllTypes(1, true, (byte) -3, (short) 300, 1L << 40, 1.5f, 2.5, false, (byte) 4,
        (short) 5, 6, 7L, 8.5f, 9.5, "text", new byte[] {1, 2}, ID, new BigDecimal("10.01"), AT,
        LocalDate.of(2024, 5, 6), LocalTime.of(7, 8, 9), LocalDateTime.of(2024, 5, 6, 7, 8, 9),
        OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2)), Status.DRAFT,
        Optional.of(true), Optional.of(11L), Optional.of("maybe"), Optional.of(new byte[] {3}),
        Optional.of(ID), Optional.of(BigDecimal.ONE), Optional.of(AT),
        Optional.of(LocalDate.of(2000, 1, 1)), Optional.of(Status.PUBLISHED));
  }

  private static AllTypes withEmptyOptionals(AllTypes r) {
    return new AllTypes(r.id(), r.flag(), r.tiny(), r.small(), r.big(), r.ratio(), r.amount(),
        r.boxedFlag(), r.boxedTiny(), r.boxedSmall(), r.boxedInt(), r.boxedBig(), r.boxedRatio(),
        r.boxedAmount(), r.text(), r.data(), r.uuid(), r.price(), r.at(), r.day(), r.time(),
        r.local(), r.offset(), r.status(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
