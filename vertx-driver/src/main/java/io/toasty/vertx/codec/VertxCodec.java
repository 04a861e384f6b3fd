package io.toasty.vertx.codec;

import io.toasty.sql.codec.ValueConversion;
import io.toasty.sql.dialect.JsonStorage;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.sql.error.UnreadableColumnException;
import io.toasty.sql.render.RenderedSql;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Converts between {@link Value}s and what the Vert.x SQL clients bind and return: the
 * conversions of {@link ValueConversion} (shared with the R2DBC transport), with Vert.x's own
 * types in between: bytes as a {@link Buffer}, decimals read as {@link Numeric}, {@code jsonb}
 * documents as the values they decode to ({@link VertxJson}); on MariaDB and MySQL a
 * {@code TIME} read as a {@link Duration}.
 */
public final class VertxCodec {
  private final ValueConversion conversion;
  private final boolean jsonb;
  /** Whether lists and sets are native arrays, not JSON documents. */
  private final boolean collectionArrays;

  /** The codec of {@code dialect}'s backend. */
  public VertxCodec(SqlDialect dialect) {
    Objects.requireNonNull(dialect, "dialect");
    this.conversion = new ValueConversion(dialect, VertxJson.INSTANCE);
    this.jsonb = dialect.jsonStorage() == JsonStorage.JSONB;
    this.collectionArrays = dialect.collectionArrays();
  }

  // ---- binding -------------------------------------------------------------------------------

  /** The values of {@code sql}'s markers, from the statement's {@code args}, as a tuple. */
  public Tuple tuple(RenderedSql sql, List<Value> args) {
    Type[] types = sql.markerTypes();
    Object[] values = new Object[sql.markerCount()];
    for (int k = 0; k < values.length; k++) {
      values[k] = bindable(sql.valueAt(k, args), types[k]);
    }
    return Tuple.wrap(values);
  }

  /** {@code args} in order, as a tuple: a raw statement's values, of no known column type. */
  public Tuple tuple(List<Value> args) {
    Object[] values = new Object[args.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = bindable(args.get(k), null);
    }
    return Tuple.wrap(values);
  }

  /**
   * The object Vert.x binds for {@code value} in a column of {@code expected}: null for NULL
   * (Vert.x takes the type from the statement), a typed array for a list.
   */
  public @Nullable Object bindable(Value value, @Nullable Type expected) {
    if (value.isNull()) {
      return null;
    }
    if (value instanceof Value.ListValue list) {
      return vertx(conversion.array(list, expected));
    }
    return vertx(conversion.encode(value));
  }

  /** {@code encoded} with Vert.x's bytes ({@link Buffer}), also as an array's items. */
  private static @Nullable Object vertx(@Nullable Object encoded) {
    if (encoded instanceof byte[] b) {
      return Buffer.buffer(b);
    }
    if (encoded instanceof ByteBuffer b) {
      return Buffer.buffer(ValueConversion.bytes(b));
    }
    if (encoded instanceof Object[] items && (items instanceof byte[][]
        || items instanceof ByteBuffer[])) {
      Buffer[] out = new Buffer[items.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (Buffer) vertx(items[i]);
      }
      return out;
    }
    return encoded;
  }

  // ---- decoding ------------------------------------------------------------------------------

  /**
   * The row as a record, column {@code i} decoded as {@code types.get(i)}; a value its type
   * cannot hold is an {@link UnreadableColumnException} naming the column, the other columns
   * decoded (they hold the key the error names).
   *
   * @throws IllegalArgumentException when the row has not one column per type
   */
  public Value.Record decodeRow(Row row, List<Type> types) {
    return decodeRow(row, types, false);
  }

  /**
   * {@link #decodeRow(Row, List)} of a row whose {@code jsonb} columns ({@link #jsonb}) were
   * read as text when {@code jsonText}: such a column's String is the document's text.
   *
   * @throws IllegalArgumentException when the row has not one column per type
   */
  public Value.Record decodeRow(Row row, List<Type> types, boolean jsonText) {
    int count = types.size();
    if (row.size() != count) {
      throw new IllegalArgumentException("the row has " + row.size() + " columns but " + count
          + " types were given");
    }
    return ValueConversion.record(count, i -> decode(row, i, types.get(i), jsonText),
        row::getColumnName);
  }

  /**
   * Column {@code i} of {@code row} read as {@code type}, as {@link #decodeRow(Row, List,
   * boolean)} reads it.
   *
   * @throws IllegalArgumentException when the value does not convert to {@code type}
   */
  public Value decode(Row row, int i, Type type, boolean jsonText) {
    return jsonText && jsonb(type) ? conversion.decode(row.getValue(i), type)
        : decode(row.getValue(i), type);
  }

  /** Whether a column of {@code type} is stored as a {@code jsonb} document. */
  public boolean jsonb(Type type) {
    return jsonb && (type == Type.Scalar.JSON || type instanceof Type.CollectionOf c
        && (c.shape() == Type.CollectionOf.Shape.MAP || !collectionArrays));
  }

  /**
   * The value of a column Vert.x returned as {@code raw}, read as {@code type}.
   *
   * @throws IllegalArgumentException when {@code raw} does not convert to {@code type}
   */
  public Value decode(@Nullable Object raw, Type type) {
    if (raw == null) {
      return Value.NULL;
    }
    if (jsonb && storedAsJson(type) && !raw.getClass().isArray()) {
      // Vert.x decodes the document; a String is a JSON string here, not the document's text
      return conversion.decode(VertxJson.INSTANCE.text(raw), type);
    }
    return conversion.decode(plain(raw), type);
  }

  /** See {@link ValueConversion#asReturned}. */
  public Value asReturned(Value bound, Type type) {
    return conversion.asReturned(bound, type);
  }

  /** Whether the dialect stores a {@code type} as a JSON document (not a native array). */
  private boolean storedAsJson(Type type) {
    return type == Type.Scalar.JSON || type instanceof Type.CollectionOf;
  }

  /** {@code raw} with Vert.x's own types as the shared conversions read them. */
  private static Object plain(Object raw) {
    if (raw instanceof Numeric n) {
      return n.isNaN() ? Double.NaN : n.bigDecimalValue();
    }
    if (raw instanceof Buffer b) {
      return b.getBytes();
    }
    if (raw instanceof Duration d && !d.isNegative() && d.toDays() == 0) {
      // vertx-mysql-client reads a TIME as a Duration (MySQL's TIME spans -838 to 838 hours)
      return LocalTime.MIDNIGHT.plus(d);
    }
    if (raw instanceof Object[] items
        && (items instanceof Numeric[] || items instanceof Buffer[])) {
      Object[] out = (Object[]) Array.newInstance(items instanceof Numeric[] ? BigDecimal.class
          : byte[].class, items.length);
      for (int i = 0; i < out.length; i++) {
        out[i] = items[i] == null ? null : plain(items[i]);
      }
      return out;
    }
    return raw;
  }
}
