package io.toasty.sqlite;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import io.r2dbc.spi.Parameter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.UUID;

/**
 * Turns a bound Java value into one of SQLite's storage classes: {@code Long} (INTEGER),
 * {@code Double} (REAL), {@code String} (TEXT), {@code byte[]} (BLOB) or {@link #NULL}.
 *
 * <table>
 *   <caption>What each Java type is stored as</caption>
 *   <tr><th>Java</th><th>stored as</th></tr>
 *   <tr><td>Boolean</td><td>INTEGER 1 / 0</td></tr>
 *   <tr><td>Byte, Short, Integer, Long</td><td>INTEGER</td></tr>
 *   <tr><td>BigInteger</td><td>INTEGER when it fits 64 bits, else TEXT of its digits</td></tr>
 *   <tr><td>Float, Double</td><td>REAL (NaN is refused: SQLite would store NULL)</td></tr>
 *   <tr><td>BigDecimal</td><td>TEXT, {@code toPlainString()}: exact (a column of NUMERIC
 *       affinity would turn it into a REAL; use TEXT affinity to keep it exact)</td></tr>
 *   <tr><td>String, other CharSequence, Character</td><td>TEXT</td></tr>
 *   <tr><td>byte[], ByteBuffer (its remaining bytes), Blob</td><td>BLOB</td></tr>
 *   <tr><td>Clob</td><td>TEXT</td></tr>
 *   <tr><td>UUID</td><td>BLOB of 16 bytes, most significant first (RFC 4122 order)</td></tr>
 *   <tr><td>LocalDate</td><td>TEXT {@code 2024-01-31}</td></tr>
 *   <tr><td>LocalTime</td><td>TEXT {@code 10:15:30}, fraction only when not zero
 *       ({@code 10:15:30.5})</td></tr>
 *   <tr><td>LocalDateTime</td><td>TEXT {@code 2024-01-31T10:15:30}, fraction as above</td></tr>
 *   <tr><td>OffsetDateTime, ZonedDateTime</td><td>TEXT with nine fraction digits and the
 *       offset: {@code 2024-01-31T10:15:30.000000000+01:00} ({@code Z} for UTC)</td></tr>
 *   <tr><td>Instant</td><td>the same at UTC: {@code 2024-01-31T10:15:30.000000000Z}; fixed
 *       width, so text order is time order</td></tr>
 *   <tr><td>OffsetTime</td><td>TEXT {@code 10:15:30+01:00} (seconds always)</td></tr>
 *   <tr><td>Enum</td><td>TEXT of its name</td></tr>
 *   <tr><td>{@link Parameter}</td><td>its value</td></tr>
 * </table>
 */
final class ValueEncoder {
  /** A bound NULL (an unbound slot is {@code null}). */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "NULL";
    }
  };

  /** Offset date-times: fixed nine fraction digits, offset {@code +HH:MM} or {@code Z}. */
  static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
      .appendOffset("+HH:MM", "Z")
      .toFormatter();

  private ValueEncoder() {}

  /**
   * The storage value of {@code value}, or a {@link Blob} / {@link Clob} still to be read.
   *
   * @throws IllegalArgumentException for a type SQLite cannot store, naming it
   */
  static Object encode(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof Parameter p) {
      return encode(p.getValue());
    }
    if (value instanceof String || value instanceof Long || value instanceof byte[]) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        throw new IllegalArgumentException("cannot bind NaN: SQLite stores it as NULL");
      }
      return d;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof BigInteger i) {
      return i.bitLength() < 64 ? (Object) i.longValue() : i.toString();
    }
    if (value instanceof CharSequence || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof ByteBuffer b) {
      ByteBuffer copy = b.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    if (value instanceof UUID u) {
      return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
          .putLong(u.getLeastSignificantBits()).array();
    }
    if (value instanceof LocalDate d) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
    }
    if (value instanceof LocalTime t) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }
    if (value instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    if (value instanceof OffsetDateTime t) {
      return OFFSET_DATE_TIME.format(t);
    }
    if (value instanceof ZonedDateTime t) {
      return OFFSET_DATE_TIME.format(t.toOffsetDateTime());
    }
    if (value instanceof Instant t) {
      return OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }
    if (value instanceof OffsetTime t) {
      return DateTimeFormatter.ISO_OFFSET_TIME.format(t);
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Blob || value instanceof Clob) {
      return value;
    }
    throw new IllegalArgumentException("cannot bind a " + value.getClass().getName()
        + " to SQLite; bind a Boolean, an integer or floating-point number, BigDecimal, "
        + "BigInteger, String, byte[], ByteBuffer, Blob, Clob, UUID, java.time value or Enum");
  }
}
