package io.toasty.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.toasty.value.Type;

/**
 * The supported kinds of field value, each with its engine type, its reader in
 * {@code io.toasty.value.Values} and the {@code Value} record that holds it.
 */
enum FieldKind {
  BOOLEAN(Type.Scalar.BOOL, "asBoolean", "Bool", TypeName.BOOLEAN),
  BYTE(Type.Scalar.I8, "asByte", "I8", TypeName.BYTE),
  SHORT(Type.Scalar.I16, "asShort", "I16", TypeName.SHORT),
  INT(Type.Scalar.I32, "asInt", "I32", TypeName.INT),
  LONG(Type.Scalar.I64, "asLong", "I64", TypeName.LONG),
  FLOAT(Type.Scalar.F32, "asFloat", "F32", TypeName.FLOAT),
  DOUBLE(Type.Scalar.F64, "asDouble", "F64", TypeName.DOUBLE),
  STRING(Type.Scalar.STRING, "asString", "Str", ClassName.get("java.lang", "String")),
  BYTES(Type.Scalar.BYTES, "asBytes", "Bytes", ArrayTypeName.of(TypeName.BYTE)),
  UUID(Type.Scalar.UUID, "asUuid", "Uuid", ClassName.get("java.util", "UUID")),
  DECIMAL(Type.Scalar.DECIMAL, "asDecimal", "Decimal", ClassName.get("java.math", "BigDecimal")),
  INSTANT(Type.Scalar.INSTANT, "asInstant", "Timestamp", ClassName.get("java.time", "Instant")),
  LOCAL_DATE(Type.Scalar.LOCAL_DATE, "asLocalDate", "Date",
      ClassName.get("java.time", "LocalDate")),
  LOCAL_TIME(Type.Scalar.LOCAL_TIME, "asLocalTime", "Time",
      ClassName.get("java.time", "LocalTime")),
  LOCAL_DATE_TIME(Type.Scalar.LOCAL_DATE_TIME, "asLocalDateTime", "DateTime",
      ClassName.get("java.time", "LocalDateTime")),
  OFFSET_DATE_TIME(Type.Scalar.OFFSET_DATE_TIME, "asOffsetDateTime", "OffsetDateTimeValue",
      ClassName.get("java.time", "OffsetDateTime")),
  /** A Java enum, stored by its constant's name; its type is a {@code Type.Enum}. */
  ENUM(null, "asEnum", "Str", null);

  private final Type.Scalar scalar;
  private final String reader;
  private final String valueRecord;
  private final TypeName javaType;

  FieldKind(Type.Scalar scalar, String reader, String valueRecord, TypeName javaType) {
    this.scalar = scalar;
    this.reader = reader;
    this.valueRecord = valueRecord;
    this.javaType = javaType;
  }

  /** The engine type; {@code null} for {@link #ENUM}. */
  Type.Scalar scalar() {
    return scalar;
  }

  /** The {@code Values} method that reads a value of this kind. */
  String reader() {
    return reader;
  }

  /** The {@code Value} record holding values of this kind. */
  ClassName valueRecord() {
    return ApiTypes.VALUE.nestedClass(valueRecord);
  }

  /** The Java type (primitive where there is one); {@code null} for {@link #ENUM}. */
  TypeName javaType() {
    return javaType;
  }

  /** Whether paths of this kind are {@code NumberPath}s. */
  boolean isNumeric() {
    return scalar != null && scalar.isNumeric();
  }
}
