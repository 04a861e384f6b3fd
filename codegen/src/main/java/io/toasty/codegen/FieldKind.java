package io.toasty.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.toasty.value.Type;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The supported kinds of field value, each with its {@code Columns} getter, its engine type, its
 * reader in {@code io.toasty.value.Values} and the {@code Value} record that holds it.
 */
enum FieldKind {
  BOOLEAN("bool", Type.Scalar.BOOL, "asBoolean", "Bool", TypeName.BOOLEAN),
  BYTE("i8", Type.Scalar.I8, "asByte", "I8", TypeName.BYTE),
  SHORT("i16", Type.Scalar.I16, "asShort", "I16", TypeName.SHORT),
  INT("i32", Type.Scalar.I32, "asInt", "I32", TypeName.INT),
  LONG("i64", Type.Scalar.I64, "asLong", "I64", TypeName.LONG),
  FLOAT("f32", Type.Scalar.F32, "asFloat", "F32", TypeName.FLOAT),
  DOUBLE("f64", Type.Scalar.F64, "asDouble", "F64", TypeName.DOUBLE),
  STRING("str", Type.Scalar.STRING, "asString", "Str", ClassName.get("java.lang", "String")),
  BYTES("bytes", Type.Scalar.BYTES, "asBytes", "Bytes", ArrayTypeName.of(TypeName.BYTE)),
  UUID("uuid", Type.Scalar.UUID, "asUuid", "Uuid", ClassName.get("java.util", "UUID")),
  DECIMAL("decimal", Type.Scalar.DECIMAL, "asDecimal", "Decimal",
      ClassName.get("java.math", "BigDecimal")),
  INSTANT("instant", Type.Scalar.INSTANT, "asInstant", "Timestamp",
      ClassName.get("java.time", "Instant")),
  LOCAL_DATE("localDate", Type.Scalar.LOCAL_DATE, "asLocalDate", "Date",
      ClassName.get("java.time", "LocalDate")),
  LOCAL_TIME("localTime", Type.Scalar.LOCAL_TIME, "asLocalTime", "Time",
      ClassName.get("java.time", "LocalTime")),
  LOCAL_DATE_TIME("localDateTime", Type.Scalar.LOCAL_DATE_TIME, "asLocalDateTime", "DateTime",
      ClassName.get("java.time", "LocalDateTime")),
  OFFSET_DATE_TIME("offsetDateTime", Type.Scalar.OFFSET_DATE_TIME, "asOffsetDateTime",
      "OffsetDateTimeValue",
      ClassName.get("java.time", "OffsetDateTime")),
  /** A Java enum, stored by its constant's name; its type is a {@code Type.Enum}. */
  ENUM("str", null, "asEnum", "Str", null),
  /**
   * A {@code @Json} field of any codec-mappable type, one document; its type is declared. No
   * {@code Columns} getter: a document needs the {@code Db}'s codec, so such models load by value.
   */
  JSON(null, Type.Scalar.JSON, "asJson", "Json", null),
  /** A {@code List} of one scalar kind ({@code FieldType.item()}), one column. */
  LIST(null, null, "asList", "Items", null),
  /** A {@code Set} of one scalar kind, one column. */
  SET(null, null, "asSet", "Items", null),
  /** A {@code Map<String, T>} of one scalar kind, one column. */
  MAP(null, null, "asMap", "Entries", null);

  private final @Nullable String getter;
  private final Type.@Nullable Scalar scalar;
  private final String reader;
  private final String valueRecord;
  private final @Nullable TypeName javaType;

  FieldKind(@Nullable String getter, Type.@Nullable Scalar scalar, String reader,
      String valueRecord, @Nullable TypeName javaType) {
    this.getter = getter;
    this.scalar = scalar;
    this.reader = reader;
    this.valueRecord = valueRecord;
    this.javaType = javaType;
  }

  /** The engine type; {@code null} for {@link #ENUM}. */
  Type.@Nullable Scalar scalar() {
    return scalar;
  }

  /** The {@code io.toasty.value.Columns} getter that reads a column of this kind. */
  @Nullable String getter() {
    return getter;
  }

  /** Whether the getter returns a primitive (and so refuses NULL itself). */
  boolean primitiveGetter() {
    return javaType != null && javaType.isPrimitive();
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
  @Nullable TypeName javaType() {
    return javaType;
  }

  /** Whether paths of this kind are {@code NumberPath}s. */
  boolean isNumeric() {
    return scalar != null && scalar.isNumeric();
  }

  /** Whether this kind is a collection of one scalar kind. */
  boolean isCollection() {
    return this == LIST || this == SET || this == MAP;
  }

  /** The engine type of a kind that has one: every kind but {@link #ENUM} and collections. */
  Type.Scalar scalarOf() {
    return Objects.requireNonNull(scalar, () -> name() + " has no engine type of its own");
  }

  /** The Java type of a kind that has one: a scalar's, not {@link #declaresType()}'s. */
  TypeName javaTypeOf() {
    return Objects.requireNonNull(javaType, () -> name() + " has no Java type of its own");
  }

  /** Whether this kind's Java type is declared by the field (an enum, a JSON document). */
  boolean declaresType() {
    return javaType == null;
  }
}
