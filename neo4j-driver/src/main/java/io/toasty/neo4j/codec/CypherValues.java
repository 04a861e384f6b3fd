package io.toasty.neo4j.codec;

import io.toasty.value.CollectionJson;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Values as Neo4j stores them, and back. Integers of every width are Neo4j's 64-bit integer,
 * floats its double; a UUID is its canonical text and a decimal a string that sorts as the
 * number does ({@link SortableDecimal}; Neo4j has neither type); an {@code Instant} is a {@code DateTime} at UTC, the other times Neo4j's own
 * temporal types (nanoseconds kept). Reading converts by the column's declared type, never by
 * what the driver happens to return.
 */
public final class CypherValues {
  private CypherValues() {}

  /** {@code v} as a parameter the Neo4j driver sends. */
  public static @Nullable Object encode(Value v) {
    if (v instanceof Value.Null) {
      return null;
    } else if (v instanceof Value.Bool b) {
      return b.value();
    } else if (v instanceof Value.I8 i) {
      return (long) i.value();
    } else if (v instanceof Value.I16 i) {
      return (long) i.value();
    } else if (v instanceof Value.I32 i) {
      return (long) i.value();
    } else if (v instanceof Value.I64 i) {
      return i.value();
    } else if (v instanceof Value.F32 f) {
      return (double) f.value();
    } else if (v instanceof Value.F64 f) {
      return f.value();
    } else if (v instanceof Value.Str s) {
      return s.value();
    } else if (v instanceof Value.Bytes b) {
      return b.value();
    } else if (v instanceof Value.Uuid u) {
      return u.value().toString();
    } else if (v instanceof Value.Decimal d) {
      // Text whose order is the numbers' order, one string per value (1.0 and 1.00 alike).
      return SortableDecimal.encode(d.value());
    } else if (v instanceof Value.Timestamp t) {
      return t.value().atOffset(ZoneOffset.UTC);
    } else if (v instanceof Value.Date d) {
      return d.value();
    } else if (v instanceof Value.Time t) {
      return t.value();
    } else if (v instanceof Value.DateTime d) {
      return d.value();
    } else if (v instanceof Value.OffsetDateTimeValue o) {
      return o.value();
    } else if (v instanceof Value.Record r) {
      return list(r.fields());
    } else if (v instanceof Value.ListValue l) {
      return list(l.items());
    } else if (v instanceof Value.Items items) {
      // A list or set is a list property of its items' stored form.
      return list(items.items());
    } else if (v instanceof Value.Entries) {
      // Neo4j has no map property: a map is its JSON text, keys and values exact.
      return CollectionJson.write(v);
    } else if (v instanceof Value.Json j && j.text() != null) {
      // A document is a string property: the engine wrote its text while binding.
      return j.text();
    }
    throw new IllegalArgumentException("no Neo4j form for " + v);
  }

  private static List<Object> list(List<Value> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (Value v : values) {
      out.add(encode(v));
    }
    return out;
  }

  /** The driver's value read as {@code type}. */
  public static Value decode(org.neo4j.driver.@Nullable Value raw, Type type) {
    if (raw == null || raw.isNull()) {
      return Value.NULL;
    }
    if (type instanceof Type.Enum) {
      return new Value.Str(raw.asString());
    }
    if (type instanceof Type.CollectionOf c) {
      return collection(raw, c);
    }
    if (!(type instanceof Type.Scalar scalar)) {
      throw new IllegalArgumentException("cannot read a property as " + type);
    }
    return switch (scalar) {
      case NULL -> generic(raw);
      case BOOL -> Value.of(raw.asBoolean());
      case I8 -> new Value.I8((byte) narrow(raw, Byte.MIN_VALUE, Byte.MAX_VALUE, scalar));
      case I16 -> new Value.I16((short) narrow(raw, Short.MIN_VALUE, Short.MAX_VALUE, scalar));
      case I32 -> new Value.I32((int) narrow(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, scalar));
      case I64 -> new Value.I64(raw.asNumber().longValue());
      case F32 -> new Value.F32((float) raw.asDouble());
      case F64 -> new Value.F64(raw.asNumber().doubleValue());
      case STRING -> new Value.Str(raw.asString());
      case BYTES -> new Value.Bytes(raw.asByteArray());
      case UUID -> new Value.Uuid(UUID.fromString(raw.asString()));
      case DECIMAL -> new Value.Decimal(decimal(raw));
      case INSTANT -> new Value.Timestamp(raw.asZonedDateTime().toInstant());
      case LOCAL_DATE -> new Value.Date(raw.asLocalDate());
      case LOCAL_TIME -> new Value.Time(raw.asLocalTime());
      case LOCAL_DATE_TIME -> new Value.DateTime(raw.asLocalDateTime());
      case OFFSET_DATE_TIME -> new Value.OffsetDateTimeValue(raw.asOffsetDateTime());
      case JSON -> Value.Json.ofText(raw.asString());
    };
  }

  /** A list property's items at the item type, or a map's JSON text. */
  private static Value collection(org.neo4j.driver.Value raw, Type.CollectionOf type) {
    if (type.shape() == Type.CollectionOf.Shape.MAP) {
      return CollectionJson.read(raw.asString(), type);
    }
    List<Value> items = new ArrayList<>(raw.size());
    for (org.neo4j.driver.Value item : raw.values()) {
      items.add(decode(item, type.item()));
    }
    return new Value.Items(type, items);
  }

  private static BigDecimal decimal(org.neo4j.driver.Value raw) {
    Object o = raw.asObject();
    BigDecimal d = o instanceof String s ? SortableDecimal.decode(s)
        : o instanceof Long l ? BigDecimal.valueOf(l) : BigDecimal.valueOf(raw.asDouble());
    // Normalized, as every backend returns decimals: no trailing zeros, scale at least 0.
    d = d.stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  /** {@code raw} as a long within {@code type}'s range; an error naming both where it is not. */
  static long narrow(org.neo4j.driver.Value raw, long min, long max, Type.Scalar type) {
    long v = raw.asNumber().longValue();
    if (v < min || v > max) {
      throw new ArithmeticException(v + " does not fit " + type);
    }
    return v;
  }

  /** A value of no declared type (an expression's result): by what the driver returns. */
  private static Value generic(org.neo4j.driver.Value raw) {
    Object o = raw.asObject();
    if (o instanceof ZonedDateTime z) {
      return new Value.OffsetDateTimeValue(z.toOffsetDateTime());
    }
    if (o instanceof List<?> items) {
      List<Value> values = new ArrayList<>(items.size());
      for (Object item : items) {
        values.add(Value.of(item));
      }
      return new Value.ListValue(values);
    }
    return Value.of(o);
  }
}
