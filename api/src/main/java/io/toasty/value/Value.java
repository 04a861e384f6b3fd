package io.toasty.value;

import io.toasty.Secret;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A value as the engine and the drivers see it: plain data, one record per variant.
 *
 * <p>Generated code converts between a model's Java fields and values; drivers convert between
 * values and their database's types. {@link #of(Object)} maps the Java types that models may use.
 */
public sealed interface Value {

  /** The null value. */
  Null NULL = new Null();
  /** {@code true}. */
  Bool TRUE = new Bool(true);
  /** {@code false}. */
  Bool FALSE = new Bool(false);

  /** The type of this value. */
  Type type();

  /** This value as a plain Java object ({@code null} for {@link Null}, lists for records). */
  @Nullable Object toJava();

  /** Whether this is {@link #NULL}. */
  default boolean isNull() {
    return this instanceof Null;
  }

  /** SQL NULL and a missing attribute. */
  record Null() implements Value {
    @Override public Type type() { return Type.Scalar.NULL; }
    @Override public @Nullable Object toJava() { return null; }
  }

  /** A boolean. */
  record Bool(boolean value) implements Value {
    @Override public Type type() { return Type.Scalar.BOOL; }
    @Override public Object toJava() { return value; }
  }

  /** An 8-bit integer. */
  record I8(byte value) implements Value {
    @Override public Type type() { return Type.Scalar.I8; }
    @Override public Object toJava() { return value; }
  }

  /** A 16-bit integer. */
  record I16(short value) implements Value {
    @Override public Type type() { return Type.Scalar.I16; }
    @Override public Object toJava() { return value; }
  }

  /** A 32-bit integer. */
  record I32(int value) implements Value {
    @Override public Type type() { return Type.Scalar.I32; }
    @Override public Object toJava() { return value; }
  }

  /** A 64-bit integer. */
  record I64(long value) implements Value {
    @Override public Type type() { return Type.Scalar.I64; }
    @Override public Object toJava() { return value; }
  }

  /** A 32-bit float. */
  record F32(float value) implements Value {
    @Override public Type type() { return Type.Scalar.F32; }
    @Override public Object toJava() { return value; }
  }

  /** A 64-bit float. */
  record F64(double value) implements Value {
    @Override public Type type() { return Type.Scalar.F64; }
    @Override public Object toJava() { return value; }
  }

  /** A string. */
  record Str(String value) implements Value {
    public Str {
      Objects.requireNonNull(value, "value");
    }
    @Override public Type type() { return Type.Scalar.STRING; }
    @Override public Object toJava() { return value; }
  }

  /** Bytes; compared by content. The array is copied in and never handed out unguarded. */
  record Bytes(byte[] value) implements Value {
    public Bytes {
      value = value.clone();
    }
    @Override public Type type() { return Type.Scalar.BYTES; }
    @Override public Object toJava() { return value.clone(); }
    @Override public boolean equals(@Nullable Object o) {
      return o instanceof Bytes b && Arrays.equals(value, b.value);
    }
    @Override public int hashCode() { return Arrays.hashCode(value); }
    @Override public String toString() { return "Bytes[" + value.length + " bytes]"; }
  }

  /** A UUID. */
  record Uuid(UUID value) implements Value {
    public Uuid {
      Objects.requireNonNull(value, "value");
    }
    @Override public Type type() { return Type.Scalar.UUID; }
    @Override public Object toJava() { return value; }
  }

  /**
   * A decimal number of arbitrary precision, compared by numeric value: {@code 1.50} equals
   * {@code 1.5}, as databases compare them.
   */
  record Decimal(BigDecimal value) implements Value {
    public Decimal {
      Objects.requireNonNull(value, "value");
    }
    @Override public Type type() { return Type.Scalar.DECIMAL; }
    @Override public Object toJava() { return value; }
    @Override public boolean equals(@Nullable Object o) {
      return o instanceof Decimal d && value.compareTo(d.value) == 0;
    }
    @Override public int hashCode() { return value.stripTrailingZeros().hashCode(); }
  }

  /** An instant on the UTC time line. */
  record Timestamp(Instant value) implements Value {
    public Timestamp {
      Objects.requireNonNull(value, "value");
    }
    @Override public Type type() { return Type.Scalar.INSTANT; }
    @Override public Object toJava() { return value; }
  }

  /** A date without a time or zone. */
  record Date(LocalDate value) implements Value {
    public Date {
      Objects.requireNonNull(value, "value");
    }
    @Override public Type type() { return Type.Scalar.LOCAL_DATE; }
    @Override public Object toJava() { return value; }
  }

  /** A time of day without a zone. */
  record Time(LocalTime value) implements Value {
    public Time {
      Objects.requireNonNull(value, "value");
    }
    @Override public Type type() { return Type.Scalar.LOCAL_TIME; }
    @Override public Object toJava() { return value; }
  }

  /** A date and time without a zone. */
  record DateTime(LocalDateTime value) implements Value {
    public DateTime {
      Objects.requireNonNull(value, "value");
    }
    @Override public Type type() { return Type.Scalar.LOCAL_DATE_TIME; }
    @Override public Object toJava() { return value; }
  }

  /** A date and time with an offset from UTC. */
  record OffsetDateTimeValue(OffsetDateTime value) implements Value {
    public OffsetDateTimeValue {
      Objects.requireNonNull(value, "value");
    }
    @Override public Type type() { return Type.Scalar.OFFSET_DATE_TIME; }
    @Override public Object toJava() { return value; }
  }

  /**
   * A JSON document of a {@code @Json} field. Drivers write and read its {@link #text()}; generated
   * code makes one from a Java object ({@link #json(Object, java.lang.reflect.Type)}), which the
   * engine writes to text with its {@link JsonCodec} before a driver sees it, and reads the object
   * with {@link #read(java.lang.reflect.Type)} through the codec the engine attached to a document
   * read back. Two documents are equal when their texts are (else their objects).
   *
   * @param text     the document's JSON text; null only before the engine has written the object
   * @param object   the Java object it was made from, or null
   * @param javaType the object's declared type, or null
   * @param codec    the codec that reads the text, or null
   */
  record Json(@Nullable String text, @Nullable Object object,
      java.lang.reflect.@Nullable Type javaType, @Nullable JsonCodec codec)
      implements Value {
    public Json {
      if (text == null && (object == null || javaType == null)) {
        throw new IllegalArgumentException("a JSON value needs its text or an object and its type");
      }
    }

    /** A document as a driver reads it: text only. */
    public static Json ofText(String text) {
      return new Json(Objects.requireNonNull(text, "text"), null, null, null);
    }

    /** Whether the engine has yet to write the object as text. */
    public boolean unwritten() {
      return text == null;
    }

    /** This document with its text written by {@code codec}. */
    public Json written(JsonCodec codec) throws Exception {
      if (text != null) {
        return this;
      }
      // a sealed value's document: the variant's own, its discriminator put first
      String written = object instanceof TaggedJson tagged ? tagged.write(codec)
          : codec.write(Objects.requireNonNull(object), Objects.requireNonNull(javaType));
      return new Json(written, object, javaType, null);
    }

    /** This document, readable with {@code codec}. */
    public Json readableWith(JsonCodec codec) {
      return this.codec == codec ? this : new Json(text, object, javaType, codec);
    }

    /**
     * The document as an object of declared type {@code type}: the object it was made from if it
     * has that type, else its text read by the codec attached to it.
     *
     * @throws Exception when the codec fails, or none is attached
     */
    public Object read(java.lang.reflect.Type type) throws Exception {
      if (object != null && type.equals(javaType)) {
        return object;
      }
      if (codec == null) {
        throw new IllegalStateException("no JSON codec attached to this document");
      }
      return codec.read(Objects.requireNonNull(text, "an unwritten document"), type);
    }

    @Override public Type type() { return Type.Scalar.JSON; }
    @Override public Object toJava() {
      return text != null ? text : Objects.requireNonNull(object); // the constructor's check
    }
    @Override public boolean equals(@Nullable Object o) {
      return o instanceof Json j && (text != null && j.text != null ? text.equals(j.text)
          : Objects.equals(object, j.object));
    }
    @Override public int hashCode() { return text != null ? text.hashCode() : 0; }
    @Override public String toString() {
      return "Json[" + (text != null ? text : "(unwritten " + javaType + ")") + "]";
    }
  }

  /**
   * The document of {@code object} (unwrapping an {@code Optional}), of declared type
   * {@code javaType}; {@link #NULL} for null or an empty {@code Optional}.
   */
  static Value json(@Nullable Object object, java.lang.reflect.Type javaType) {
    Object o = object instanceof Optional<?> opt ? opt.orElse(null) : object;
    return o == null ? NULL : new Json(null, o, javaType, null);
  }

  /** A tuple: a model's row, a composite key, or a projection. */
  record Record(List<Value> fields) implements Value {
    public Record {
      fields = fields instanceof AdoptedValues ? fields : List.copyOf(fields);
    }

    /** A record of the given values. */
    public static Record of(Value... fields) {
      return new Record(List.of(fields));
    }

    /**
     * A record over {@code fields} itself, not a copy: for code that fills a fresh array per row
     * (a driver decoding a row, the executor lifting one) and never touches it again, so a row
     * costs one array instead of three.
     *
     * @throws NullPointerException when a field is {@code null} ({@link Null} is the SQL NULL)
     */
    public static Record adopt(Value[] fields) {
      return new Record(new AdoptedValues(fields));
    }

    /** The field at {@code index}. */
    public Value get(int index) {
      return fields.get(index);
    }

    /** The number of fields. */
    public int size() {
      return fields.size();
    }

    @Override public Type type() {
      List<Type> types = new ArrayList<>(fields.size());
      for (Value v : fields) {
        types.add(v.type());
      }
      return new Type.Record(types);
    }

    @Override public Object toJava() {
      List<Object> out = new ArrayList<>(fields.size());
      for (Value v : fields) {
        out.add(v.toJava());
      }
      return out;
    }
  }

  /** A list of values. */
  record ListValue(List<Value> items) implements Value {
    public ListValue {
      items = items instanceof AdoptedValues || items instanceof LoadedRecords ? items
          : List.copyOf(items);
    }

    /**
     * A list over {@code items} itself, not a copy (as {@link Record#adopt}): for code that fills
     * a fresh array and never touches it again.
     *
     * @throws NullPointerException when an item is {@code null}
     */
    public static ListValue adopt(Value[] items) {
      return new ListValue(new AdoptedValues(items));
    }
    @Override public Type type() {
      return new Type.ListOf(items.isEmpty() ? Type.Scalar.NULL : items.get(0).type());
    }
    @Override public Object toJava() {
      List<Object> out = new ArrayList<>(items.size());
      for (Value v : items) {
        out.add(v.toJava());
      }
      return out;
    }
  }

  /**
   * The value of a {@code List} or {@code Set} field: its items, each of the type's item type,
   * none NULL. Two are equal when their types and items (in order) are.
   */
  record Items(Type.CollectionOf type, List<Value> items) implements Value {
    public Items {
      Objects.requireNonNull(type, "type");
      items = List.copyOf(items);
    }
    @Override public Object toJava() {
      List<Object> out = new ArrayList<>(items.size());
      items.forEach(v -> out.add(v.toJava()));
      return out;
    }
  }

  /**
   * The value of a {@code Map<String, T>} field: its entries (in the order given), none NULL.
   * Two are equal when their types and entries (in any order) are.
   */
  record Entries(Type.CollectionOf type, Map<String, Value> entries) implements Value {
    public Entries {
      Objects.requireNonNull(type, "type");
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
    @Override public Object toJava() {
      Map<String, Object> out = new LinkedHashMap<>();
      entries.forEach((k, v) -> out.put(k, v.toJava()));
      return out;
    }
  }

  /**
   * The value of a Java object of one of the types models may use.
   *
   * @throws IllegalArgumentException if the object's type has no mapping; the message names it
   */
  static Value of(@Nullable Object o) {
    if (o == null) {
      return NULL;
    }
    if (o instanceof Value v) {
      return v;
    }
    if (o instanceof Boolean b) {
      return b ? TRUE : FALSE;
    }
    if (o instanceof Byte b) {
      return new I8(b);
    }
    if (o instanceof Short s) {
      return new I16(s);
    }
    if (o instanceof Integer i) {
      return new I32(i);
    }
    if (o instanceof Long l) {
      return new I64(l);
    }
    if (o instanceof Float f) {
      return new F32(f);
    }
    if (o instanceof Double d) {
      return new F64(d);
    }
    if (o instanceof String s) {
      return new Str(s);
    }
    if (o instanceof byte[] b) {
      return new Bytes(b);
    }
    if (o instanceof UUID u) {
      return new Uuid(u);
    }
    if (o instanceof BigDecimal d) {
      return new Decimal(d);
    }
    if (o instanceof Instant i) {
      return new Timestamp(i);
    }
    if (o instanceof LocalDate d) {
      return new Date(d);
    }
    if (o instanceof LocalTime t) {
      return new Time(t);
    }
    if (o instanceof LocalDateTime t) {
      return new DateTime(t);
    }
    if (o instanceof OffsetDateTime t) {
      return new OffsetDateTimeValue(t);
    }
    if (o instanceof Enum<?> e) {
      return new Str(e.name());
    }
    if (o instanceof Optional<?> opt) {
      return of(opt.orElse(null));
    }
    if (o instanceof Secret<?> s) {
      return of(s.value());
    }
    if (o instanceof Collection<?> c) {
      List<Value> items = new ArrayList<>(c.size());
      for (Object item : c) {
        items.add(of(item));
      }
      return new ListValue(items);
    }
    throw new IllegalArgumentException(
        "no value mapping for Java type " + o.getClass().getName() + " (value " + o + ")");
  }
}
