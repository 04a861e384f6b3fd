package io.toasty.sqlite;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import org.jspecify.annotations.Nullable;

/**
 * One row, read whole on the bridge thread: it stays valid after the mapping function returns
 * and may be read on any thread. Also its own {@link Result.RowSegment}.
 */
final class SqliteRow implements Row, Result.RowSegment {
  private final SqliteRowMetadata metadata;
  private final Object[] values;

  SqliteRow(SqliteRowMetadata metadata, Object[] values) {
    this.metadata = metadata;
    this.values = values;
  }

  @Override
  public <T> @Nullable T get(int index, Class<T> type) {
    SqliteColumnMetadata column = metadata.getColumnMetadata(index);
    return ValueDecoder.decode(values[index], type, column.getName());
  }

  @Override
  public <T> @Nullable T get(String name, Class<T> type) {
    return get(metadata.indexOf(name), type);
  }

  @Override
  public SqliteRowMetadata getMetadata() {
    return metadata;
  }

  @Override
  public Row row() {
    return this;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("SqliteRow{");
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : ", ").append(metadata.getColumnMetadata(i).getName()).append('=')
          .append(values[i] instanceof byte[] b ? "<" + b.length + " bytes>" : values[i]);
    }
    return out.append('}').toString();
  }
}
