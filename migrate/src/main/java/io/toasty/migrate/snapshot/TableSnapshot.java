package io.toasty.migrate.snapshot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as a snapshot records it: its columns in model order, its key by column name, its
 * indexes sorted by name.
 */
public record TableSnapshot(String name, String model, List<ColumnSnapshot> columns,
    List<String> primaryKey, List<IndexSnapshot> indexes) {
  public TableSnapshot {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = List.copyOf(indexes);
  }

  /** The column called {@code column}, if there is one. */
  public Optional<ColumnSnapshot> column(String column) {
    return columns.stream().filter(c -> c.name().equals(column)).findFirst();
  }

  /** The index called {@code index}, if there is one. */
  public Optional<IndexSnapshot> index(String index) {
    return indexes.stream().filter(i -> i.name().equals(index)).findFirst();
  }
}
