package io.toasty.neo4j.codec;

import io.toasty.value.Columns;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;

/**
 * {@link Columns} over the Neo4j driver's record at hand: one instance per statement, pointed at
 * each record in turn ({@link #at}), reader field {@code i} read from the record's column
 * {@code fields[i]}. A field whose getter is its column's own type (a {@code long} of an
 * {@code I64} column, a {@code String} of a {@code STRING} or enum one, ..) is read from the
 * driver's value directly; any other pairing, and {@link #value}, goes through
 * {@link CypherValues#decode} and {@link Values}, as the value path does. A record reads into
 * the same model record either way, with the same errors (Neo4jColumnsTest).
 *
 * <p>Why: the value path made a {@code Value} per cell, an array and a record per row, then read
 * them back; on a list of 100 users that was most of what Toasty added to the Bolt driver's own
 * work (docs/design/performance.md, "Neo4j rows read by type").
 */
public final class Neo4jColumns implements Columns {
  private static final String NOT_NULL = "NULL in a field that is not Optional";

  private final int[] fields;
  /**
   * Each field's column's declared type; {@code NULL} (read by what the driver returns) for a
   * column past the row type, as the value path reads it.
   */
  private final Type[] types;
  private Record record;

  /**
   * Columns whose field {@code i} is column {@code fields[i]} of each record, the columns typed
   * by {@code rowType} (the statement's row type, by column).
   */
  // record is set by at(..) before a read
  @SuppressWarnings("NullAway.Init")
  public Neo4jColumns(int[] fields, List<Type> rowType) {
    this.fields = fields;
    this.types = new Type[fields.length];
    for (int i = 0; i < fields.length; i++) {
      types[i] = fields[i] < rowType.size() ? rowType.get(fields[i]) : Type.Scalar.NULL;
    }
  }

  /** Points at {@code current}; returns this. */
  public Neo4jColumns at(Record current) {
    this.record = current;
    return this;
  }

  private org.neo4j.driver.Value raw(int i) {
    return record.get(fields[i]);
  }

  /** The field's raw value, which a primitive getter needs present. */
  private org.neo4j.driver.Value present(int i) {
    org.neo4j.driver.Value raw = raw(i);
    if (raw.isNull()) {
      throw new IllegalArgumentException(NOT_NULL);
    }
    return raw;
  }

  /** The field as the value path decodes it: by its column's declared type. */
  private Value decoded(int i) {
    return CypherValues.decode(raw(i), types[i]);
  }

  private Value decodedPresent(int i) {
    Value v = decoded(i);
    if (v.isNull()) {
      throw new IllegalArgumentException(NOT_NULL);
    }
    return v;
  }

  @Override
  public boolean isNull(int i) {
    return raw(i).isNull();
  }

  /** The column's own value, as the value path hands it over whatever {@code type} asks. */
  @Override
  public Value value(int i, Type type) {
    return decoded(i);
  }

  @Override
  public boolean bool(int i) {
    return types[i] == Type.Scalar.BOOL ? present(i).asBoolean()
        : Values.asBoolean(decodedPresent(i));
  }

  @Override
  public byte i8(int i) {
    return Values.asByte(decodedPresent(i));
  }

  @Override
  public short i16(int i) {
    return Values.asShort(decodedPresent(i));
  }

  @Override
  public int i32(int i) {
    return types[i] == Type.Scalar.I32
        ? (int) CypherValues.narrow(present(i), Integer.MIN_VALUE, Integer.MAX_VALUE,
            Type.Scalar.I32)
        : Values.asInt(decodedPresent(i));
  }

  @Override
  public long i64(int i) {
    return types[i] == Type.Scalar.I64 ? present(i).asNumber().longValue()
        : Values.asLong(decodedPresent(i));
  }

  @Override
  public float f32(int i) {
    return Values.asFloat(decodedPresent(i));
  }

  @Override
  public double f64(int i) {
    return types[i] == Type.Scalar.F64 ? present(i).asNumber().doubleValue()
        : Values.asDouble(decodedPresent(i));
  }

  @Override
  public @Nullable String str(int i) {
    org.neo4j.driver.Value raw = raw(i);
    if (raw.isNull()) {
      return null;
    }
    return types[i] == Type.Scalar.STRING || types[i] instanceof Type.Enum ? raw.asString()
        : Values.asString(decoded(i));
  }

  @Override
  public byte @Nullable [] bytes(int i) {
    return isNull(i) ? null : Values.asBytes(decoded(i));
  }

  @Override
  public @Nullable UUID uuid(int i) {
    return isNull(i) ? null : Values.asUuid(decoded(i));
  }

  @Override
  public @Nullable BigDecimal decimal(int i) {
    return isNull(i) ? null : Values.asDecimal(decoded(i));
  }

  @Override
  public @Nullable Instant instant(int i) {
    return isNull(i) ? null : Values.asInstant(decoded(i));
  }

  @Override
  public @Nullable LocalDate localDate(int i) {
    return isNull(i) ? null : Values.asLocalDate(decoded(i));
  }

  @Override
  public @Nullable LocalTime localTime(int i) {
    return isNull(i) ? null : Values.asLocalTime(decoded(i));
  }

  @Override
  public @Nullable LocalDateTime localDateTime(int i) {
    return isNull(i) ? null : Values.asLocalDateTime(decoded(i));
  }

  @Override
  public @Nullable OffsetDateTime offsetDateTime(int i) {
    return isNull(i) ? null : Values.asOffsetDateTime(decoded(i));
  }
}
