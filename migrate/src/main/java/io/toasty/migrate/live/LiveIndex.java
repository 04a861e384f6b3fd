package io.toasty.migrate.live;

import java.util.List;

/** An index (not the primary key) as the database describes it. */
public record LiveIndex(String name, List<String> columns, boolean unique) {
  public LiveIndex {
    columns = List.copyOf(columns);
  }
}
