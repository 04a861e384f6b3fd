package io.toasty.schema.db;

import java.util.List;
import java.util.Objects;

/** An index over table columns. */
public record TableIndex(String name, List<Integer> columns, boolean unique) {
  public TableIndex {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
