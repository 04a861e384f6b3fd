package io.toasty.sqlite;

import io.r2dbc.spi.RowMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/** The columns of a result; names are looked up ignoring case, as SQLite does. */
final class SqliteRowMetadata implements RowMetadata {
  private final List<SqliteColumnMetadata> columns;
  private final Map<String, Integer> indexes = new HashMap<>();

  SqliteRowMetadata(List<SqliteColumnMetadata> columns) {
    this.columns = List.copyOf(columns);
    for (int i = 0; i < columns.size(); i++) {
      indexes.putIfAbsent(columns.get(i).getName().toLowerCase(Locale.ROOT), i);
    }
  }

  @Override
  public SqliteColumnMetadata getColumnMetadata(int index) {
    if (index < 0 || index >= columns.size()) {
      throw new IndexOutOfBoundsException("column index " + index + " is out of range: the "
          + "result has " + columns.size() + " columns");
    }
    return columns.get(index);
  }

  @Override
  public SqliteColumnMetadata getColumnMetadata(String name) {
    return columns.get(indexOf(name));
  }

  @Override
  public List<SqliteColumnMetadata> getColumnMetadatas() {
    return columns;
  }

  @Override
  public boolean contains(String name) {
    if (name == null) {
      throw new IllegalArgumentException("name must not be null");
    }
    return indexes.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** The index of the first column called {@code name}. */
  int indexOf(String name) {
    if (name == null) {
      throw new IllegalArgumentException("name must not be null");
    }
    Integer index = indexes.get(name.toLowerCase(Locale.ROOT));
    if (index == null) {
      throw new NoSuchElementException("the result has no column '" + name + "'; it has "
          + columns.stream().map(SqliteColumnMetadata::getName).toList());
    }
    return index;
  }

  int size() {
    return columns.size();
  }
}
