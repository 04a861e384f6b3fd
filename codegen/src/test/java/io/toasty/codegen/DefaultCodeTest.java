package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.ClassName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The code made for each kind of {@code @Default} literal, and the literals refused. */
class DefaultCodeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "BOOLEAN | true | io.toasty.value.Value.TRUE",
      "BYTE | -128 | new io.toasty.value.Value.I8((byte) -128)",
      "SHORT | 7 | new io.toasty.value.Value.I16((short) 7)",
      "INT | -2147483648 | new io.toasty.value.Value.I32(-2147483648)",
      "LONG | 42 | new io.toasty.value.Value.I64(42L)",
      "FLOAT | 0.1 | new io.toasty.value.Value.F32(0.1f)",
      "DOUBLE | 1e3 | new io.toasty.value.Value.F64(1000.0)",
      "STRING | a\"b | new io.toasty.value.Value.Str(\"a\\\"b\")",
      "UUID | 123E4567-E89B-12D3-A456-426614174000 | new io.toasty.value.Value.Uuid(new"
          + " java.util.UUID(0x123e4567e89b12d3L, 0xa456426614174000L))",
      "DECIMAL | 1.50 | new io.toasty.value.Value.Decimal(new java.math.BigDecimal(\"1.50\"))",
      "LOCAL_TIME | 12:30 | new io.toasty.value.Value.Time(java.time.LocalTime.parse(\"12:30\"))"})
  void literalBecomesValueCode(FieldKind kind, String literal, String code) {
    FieldType type = new FieldType(kind, kind.javaType(), false, null);
    assertEquals(code, DefaultCode.parse(type, literal).toString());
  }

  @Test
  void enumConstantBecomesItsName() {
    FieldType type = enumType();
    assertEquals("new io.toasty.value.Value.Str(\"ON\")",
        DefaultCode.parse(type, "ON").toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "BOOLEAN | TRUE | is not a valid boolean (true or false)",
      "INT | 2147483648 | is not a valid int",
      "LONG | 1.0 | is not a valid long",
      "FLOAT | Infinity | is not a finite float",
      "INSTANT | 2024-01-01 | is not a valid Instant (ISO-8601, e.g. 2024-01-01T00:00:00Z)",
      "LOCAL_DATE_TIME | 2024-01-01 | is not a valid LocalDateTime (ISO-8601, e.g."
          + " 2024-01-01T12:30:00)",
      "OFFSET_DATE_TIME | 2024-01-01T12:30:00 | is not a valid OffsetDateTime (ISO-8601, e.g."
          + " 2024-01-01T12:30:00+01:00)",
      "UUID | 123e4567e89b12d3a456426614174000 | is not a valid UUID (8-4-4-4-12 hex digits)"})
  void badLiteralIsRefused(FieldKind kind, String literal, String message) {
    FieldType type = new FieldType(kind, kind.javaType(), false, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DefaultCode.parse(type, literal));
    assertEquals(message, e.getMessage());
  }

  @Test
  void unknownEnumConstantListsTheConstants() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DefaultCode.parse(enumType(), "on"));
    assertEquals("is not a constant of enum com.example.Switch [ON, OFF]; did you mean ON?",
        e.getMessage());
  }

  private static FieldType enumType() {
    ClassName name = ClassName.get("com.example", "Switch");
    return new FieldType(FieldKind.ENUM, name, false,
        new EnumType(name, "com.example.Switch", List.of("ON", "OFF")));
  }
}
