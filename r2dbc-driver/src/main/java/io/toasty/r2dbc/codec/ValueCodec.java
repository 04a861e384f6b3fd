package io.toasty.r2dbc.codec;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import io.toasty.sql.codec.JsonParameters;
import io.toasty.sql.codec.ValueConversion;
import io.toasty.sql.dialect.JsonStorage;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Converts between {@link Value}s and what an R2DBC driver binds and returns: the conversions of
 * {@link ValueConversion} (shared with the other SQL transports), bound into an R2DBC
 * {@link Statement} and read from an R2DBC {@link Row}.
 */
public final class ValueCodec {
  private final ValueConversion conversion;

  /** The codec of {@code dialect}'s backend; {@code jsonb} through r2dbc-postgresql's Json. */
  public ValueCodec(SqlDialect dialect) {
    Objects.requireNonNull(dialect, "dialect");
    this.conversion = new ValueConversion(dialect,
        dialect.jsonStorage() == JsonStorage.JSONB ? new PgJson() : JsonParameters.TEXT);
  }

  // ---- binding -------------------------------------------------------------------------------

  /**
   * Binds {@code value} at {@code index}; a NULL is bound with the class of {@code expected} (the
   * column's type), or of String when no column gives one. A list binds as an array of
   * {@code expected}'s class (an array marker: {@code a = ANY($1)}).
   */
  public void bind(Statement statement, int index, Value value, @Nullable Type expected) {
    if (value.isNull()) {
      statement.bindNull(index, nullClass(expected));
    } else if (value instanceof Value.ListValue list) {
      statement.bind(index, array(list, expected));
    } else {
      statement.bind(index, encode(value));
    }
  }

  /** See {@link ValueConversion#array}. */
  Object[] array(Value.ListValue list, @Nullable Type elementType) {
    return conversion.array(list, elementType);
  }

  /** See {@link ValueConversion#encode}. */
  public Object encode(Value value) {
    return conversion.encode(value);
  }

  /** The class a NULL of {@code type} is bound with. */
  public Class<?> nullClass(@Nullable Type type) {
    return conversion.nullClass(type);
  }

  // ---- decoding ------------------------------------------------------------------------------

  /**
   * The row as a record, column {@code i} decoded as {@code types.get(i)}.
   *
   * @throws IllegalArgumentException naming the column when a value does not convert
   */
  public Value.Record decodeRow(Row row, RowMetadata metadata, List<Type> types) {
    requireColumns(metadata, types);
    return decodeColumns(row, metadata, types);
  }

  /**
   * Checks that rows of {@code metadata} have one column per type: once per result, since
   * r2dbc-postgresql wraps its column list anew on every {@code getColumnMetadatas()}.
   *
   * @throws IllegalArgumentException when the counts differ
   */
  public void requireColumns(RowMetadata metadata, List<Type> types) {
    int count = metadata.getColumnMetadatas().size();
    if (count != types.size()) {
      throw new IllegalArgumentException("the row has " + count + " columns but " + types.size()
          + " types were given");
    }
  }

  /** {@link #decodeRow} of a row whose metadata passed {@link #requireColumns}. */
  public Value.Record decodeColumns(Row row, RowMetadata metadata, List<Type> types) {
    return ValueConversion.record(types.size(), i -> decode(row.get(i), types.get(i)),
        i -> metadata.getColumnMetadata(i).getName());
  }

  /** See {@link ValueConversion#asReturned}. */
  public Value asReturned(Value bound, Type type) {
    return conversion.asReturned(bound, type);
  }

  /** See {@link ValueConversion#decode}. */
  public Value decode(@Nullable Object raw, Type type) {
    return conversion.decode(raw, type);
  }
}
