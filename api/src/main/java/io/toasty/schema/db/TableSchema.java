package io.toasty.schema.db;

import java.util.List;
import java.util.Objects;

/**
 * A table.
 *
 * @param primaryKey  column indexes of the primary key, in key order
 * @param foreignKeys its foreign keys, one per checked belongs-to relation stored in it (one for
 *                    relations over the same columns to the same columns), in relation order
 */
public record TableSchema(String name, List<ColumnSchema> columns, List<Integer> primaryKey,
    List<TableIndex> indexes, List<TableForeignKey> foreignKeys) {
  public TableSchema {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = List.copyOf(indexes);
    foreignKeys = List.copyOf(foreignKeys);
  }

  /** A table without foreign keys. */
  public TableSchema(String name, List<ColumnSchema> columns, List<Integer> primaryKey,
      List<TableIndex> indexes) {
    this(name, columns, primaryKey, indexes, List.of());
  }

  /** This table with {@code foreignKeys} instead of its own. */
  public TableSchema withForeignKeys(List<TableForeignKey> foreignKeys) {
    return new TableSchema(name, columns, primaryKey, indexes, foreignKeys);
  }

  /** The column at {@code index}. */
  public ColumnSchema column(int index) {
    return columns.get(index);
  }

  /**
   * Whether column {@code index} is in the primary key, an index or a foreign key (where some
   * backends declare a bounded type: MySQL's {@code VARCHAR(255)} for a string, which a foreign
   * key needs, and indexes).
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
    for (TableForeignKey fk : foreignKeys) {
      if (fk.columns().contains(index)) {
        return true;
      }
    }
    return false;
  }
}
