package io.toasty.schema.db;

import java.util.List;
import java.util.Objects;

/**
 * A table.
 *
 * @param primaryKey column indexes of the primary key, in key order
 */
public record TableSchema(String name, List<ColumnSchema> columns, List<Integer> primaryKey,
    List<TableIndex> indexes) {
  public TableSchema {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = List.copyOf(indexes);
  }

  /** The column at {@code index}. */
  public ColumnSchema column(int index) {
    return columns.get(index);
  }

  /**
   * Whether column {@code index} is in the primary key or an index (where some backends declare
   * a bounded type: MySQL's {@code VARCHAR(255)} for a string).
   */
  public boolean keyed(int index) {
    if (primaryKey.contains(index)) {
      return true;
    }
    for (TableIndex ix : indexes) {
      if (ix.columns().contains(index)) {
        return true;
      }
    }
    return false;
  }
}
