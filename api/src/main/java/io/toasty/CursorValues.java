package io.toasty;

import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.value.Values;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes and reads one key value of a cursor in the binary form its field's type dictates: no
 * type tag, no Java serialization, so that reading can only produce a value of that type (or
 * fail).
 */
final class CursorValues {
  private static final int MAX_LENGTH = 4096;

  private CursorValues() {}

  static void write(DataOutputStream out, Type type, Value v) throws IOException {
    if (type instanceof Type.Enum) {
      text(out, Values.asString(v));
      return;
    }
    switch ((Type.Scalar) type) {
      case BOOL -> out.writeBoolean(Values.asBoolean(v));
      case I8 -> out.writeByte(Values.asByte(v));
      case I16 -> out.writeShort(Values.asShort(v));
      case I32 -> out.writeInt(Values.asInt(v));
      case I64 -> out.writeLong(Values.asLong(v));
      case F32 -> out.writeFloat(Values.asFloat(v));
      case F64 -> out.writeDouble(Values.asDouble(v));
      case STRING -> text(out, Values.asString(v));
      case BYTES -> bytes(out, Values.asBytes(v));
      case UUID -> {
        UUID u = Values.asUuid(v);
        out.writeLong(u.getMostSignificantBits());
        out.writeLong(u.getLeastSignificantBits());
      }
      case DECIMAL -> text(out, Values.asDecimal(v).toString());
      case INSTANT -> instant(out, Values.asInstant(v));
      case LOCAL_DATE -> out.writeLong(Values.asLocalDate(v).toEpochDay());
      case LOCAL_TIME -> out.writeLong(Values.asLocalTime(v).toNanoOfDay());
      case LOCAL_DATE_TIME -> instant(out, Values.asLocalDateTime(v).toInstant(ZoneOffset.UTC));
      case OFFSET_DATE_TIME -> {
        OffsetDateTime t = Values.asOffsetDateTime(v);
        instant(out, t.toInstant());
        out.writeInt(t.getOffset().getTotalSeconds());
      }
      default -> throw new IllegalArgumentException("no cursor form for type " + type);
    }
  }

  /**
   * A value of {@code type}.
   *
   * @throws IOException when the bytes end early
   * @throws RuntimeException (DateTimeException, NumberFormatException, ...) when they do not
   *     form a value of the type
   */
  static Value read(DataInputStream in, Type type) throws IOException {
    if (type instanceof Type.Enum e) {
      String name = text(in);
      if (!e.constants().contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is not a constant of " + e);
      }
      return new Value.Str(name);
    }
    return switch ((Type.Scalar) type) {
      case BOOL -> new Value.Bool(in.readBoolean());
      case I8 -> new Value.I8(in.readByte());
      case I16 -> new Value.I16(in.readShort());
      case I32 -> new Value.I32(in.readInt());
      case I64 -> new Value.I64(in.readLong());
      case F32 -> new Value.F32(in.readFloat());
      case F64 -> new Value.F64(in.readDouble());
      case STRING -> new Value.Str(text(in));
      case BYTES -> new Value.Bytes(bytes(in));
      case UUID -> new Value.Uuid(new UUID(in.readLong(), in.readLong()));
      case DECIMAL -> new Value.Decimal(new BigDecimal(text(in)));
      case INSTANT -> new Value.Timestamp(instant(in));
      case LOCAL_DATE -> new Value.Date(LocalDate.ofEpochDay(in.readLong()));
      case LOCAL_TIME -> new Value.Time(LocalTime.ofNanoOfDay(in.readLong()));
      case LOCAL_DATE_TIME -> new Value.DateTime(LocalDateTime.ofInstant(instant(in),
          ZoneOffset.UTC));
      case OFFSET_DATE_TIME -> {
        Instant at = instant(in);
        yield new Value.OffsetDateTimeValue(OffsetDateTime.ofInstant(at,
            ZoneOffset.ofTotalSeconds(in.readInt())));
      }
      default -> throw new IllegalArgumentException("no cursor form for type " + type);
    };
  }

  private static void instant(DataOutputStream out, Instant t) throws IOException {
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  private static Instant instant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    bytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(DataInputStream in) throws IOException {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }

  private static void bytes(DataOutputStream out, byte[] b) throws IOException {
    if (b.length > MAX_LENGTH) {
      throw new IllegalArgumentException("a key value of " + b.length + " bytes is too long for a "
          + "cursor (at most " + MAX_LENGTH + ")");
    }
    out.writeShort(b.length);
    out.write(b);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    if (n > MAX_LENGTH) {
      throw new IllegalArgumentException("a value of " + n + " bytes");
    }
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new EOFException();
    }
    return b;
  }
}
