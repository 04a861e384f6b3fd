package io.toasty.migrate.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.toasty.sql.ddl.LiveRows;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An index or unique constraint over columns, by column name, in key order.
 *
 * @param live the rows a unique index of a soft-deleted table holds (its live ones), as push
 *             declares it; null for every row, and left out of the JSON then
 */
public record IndexSnapshot(String name, List<String> columns, boolean unique,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LiveRows live) {
  public IndexSnapshot {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }

  /** An index of every row. */
  public IndexSnapshot(String name, List<String> columns, boolean unique) {
    this(name, columns, unique, null);
  }
}
