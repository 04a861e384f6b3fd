package io.toasty.migrate.live;

import java.util.List;
import java.util.Optional;

/** A table as the database describes it: columns in order, indexes sorted by name. */
public record LiveTable(String name, List<LiveColumn> columns, List<LiveIndex> indexes) {
  public LiveTable {
    columns = List.copyOf(columns);
    indexes = List.copyOf(indexes);
  }

  /** The column called {@code name}, if there is one. */
  public Optional<LiveColumn> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
