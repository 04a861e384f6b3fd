package io.toasty.vertx;

import io.toasty.value.Columns;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.value.Values;
import io.toasty.vertx.codec.VertxCodec;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link Columns} over one Vert.x {@link Row}, for a {@code RowReader} that builds records
 * straight from the rows (docs/design/performance.md, "Rows straight into records"): a bigint,
 * an int or a text read as a column of that type is taken as the client returned it, every
 * other cell through the codec's decoding, so that each getter gives what the value path
 * ({@code ValueColumns} over {@link VertxCodec#decodeRow}) gives. Reused row after row.
 */
final class VertxColumns implements Columns {
  private final int[] fields;
  /** Each field's column type, by field: read per cell, so not looked up in a list each time. */
  private final Type[] own;
  private final VertxCodec codec;
  /** Whether the statement reads its {@code jsonb} columns as text ({@code JsonAsText}). */
  private final boolean jsonText;
  @SuppressWarnings("NullAway.Init") // set by at(..) before a reader reads
  private Row row;

  VertxColumns(int[] fields, List<Type> types, VertxCodec codec, boolean jsonText) {
    this.fields = fields;
    this.own = new Type[fields.length];
    for (int i = 0; i < fields.length; i++) {
      own[i] = types.get(fields[i]);
    }
    this.codec = codec;
    this.jsonText = jsonText;
  }

  /** These columns over {@code next}. */
  VertxColumns at(Row next) {
    this.row = next;
    return this;
  }

  private @Nullable Object raw(int i) {
    return row.getValue(fields[i]);
  }

  private Type type(int i) {
    return own[i];
  }

  private Value decoded(int i) {
    return codec.decode(row, fields[i], type(i), jsonText);
  }

  /** Primitive field {@code i} read by {@code as}; it cannot be NULL. */
  private <T> T required(int i, Function<Value, T> as) {
    Value v = decoded(i);
    if (v.isNull()) {
      throw new IllegalArgumentException("NULL in a field that is not Optional");
    }
    return as.apply(v);
  }

  /** Field {@code i} read by {@code as}, or null where it is NULL. */
  private <T> @Nullable T orNull(int i, Function<Value, T> as) {
    return raw(i) == null ? null : as.apply(decoded(i));
  }

  @Override
  public boolean isNull(int i) {
    return raw(i) == null;
  }

  /**
   * A bigint, an int or a text as the client returned it, in the value the codec would make of
   * it; any other cell through the codec. The engine asks for values where it keys records (an
   * include's foreign keys), once per row.
   */
  @Override
  public Value value(int i, Type type) {
    Object raw = raw(i);
    Type own = type(i);
    if (raw instanceof Long n && own == Type.Scalar.I64) {
      return new Value.I64(n);
    }
    if (raw instanceof Integer n && own == Type.Scalar.I32) {
      return new Value.I32(n);
    }
    if (raw instanceof String s && own == Type.Scalar.STRING) {
      return new Value.Str(s);
    }
    return raw == null ? Value.NULL : decoded(i);
  }

  @Override
  public boolean bool(int i) {
    return required(i, Values::asBoolean);
  }

  @Override
  public byte i8(int i) {
    return required(i, Values::asByte);
  }

  @Override
  public short i16(int i) {
    return required(i, Values::asShort);
  }

  @Override
  public int i32(int i) {
    return raw(i) instanceof Integer n && type(i) == Type.Scalar.I32 ? n
        : required(i, Values::asInt);
  }

  @Override
  public long i64(int i) {
    return raw(i) instanceof Long n && type(i) == Type.Scalar.I64 ? n
        : required(i, Values::asLong);
  }

  @Override
  public float f32(int i) {
    return required(i, Values::asFloat);
  }

  @Override
  public double f64(int i) {
    return required(i, Values::asDouble);
  }

  @Override
  public @Nullable String str(int i) {
    Object raw = raw(i);
    if (raw == null) {
      return null;
    }
    Type type = type(i);
    return raw instanceof String s && (type == Type.Scalar.STRING || type instanceof Type.Enum)
        ? s : Values.asString(decoded(i));
  }

  @Override
  public byte @Nullable [] bytes(int i) {
    return orNull(i, Values::asBytes);
  }

  @Override
  public @Nullable UUID uuid(int i) {
    return orNull(i, Values::asUuid);
  }

  @Override
  public @Nullable BigDecimal decimal(int i) {
    return orNull(i, Values::asDecimal);
  }

  @Override
  public @Nullable Instant instant(int i) {
    return orNull(i, Values::asInstant);
  }

  @Override
  public @Nullable LocalDate localDate(int i) {
    return orNull(i, Values::asLocalDate);
  }

  @Override
  public @Nullable LocalTime localTime(int i) {
    return orNull(i, Values::asLocalTime);
  }

  @Override
  public @Nullable LocalDateTime localDateTime(int i) {
    return orNull(i, Values::asLocalDateTime);
  }

  @Override
  public @Nullable OffsetDateTime offsetDateTime(int i) {
    return orNull(i, Values::asOffsetDateTime);
  }
}
