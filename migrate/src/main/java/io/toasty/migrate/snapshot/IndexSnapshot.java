package io.toasty.migrate.snapshot;

import java.util.List;
import java.util.Objects;

/** An index or unique constraint over columns, by column name, in key order. */
public record IndexSnapshot(String name, List<String> columns, boolean unique) {
  public IndexSnapshot {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
