package io.toasty.sql.ddl;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An index as DDL declares it.
 *
 * @param name    its name
 * @param columns its columns by name, in order
 * @param unique  whether it is a unique index
 * @param live    the rows it holds where only the live rows of a soft-deleted table, on a
 *                dialect with partial indexes; else null (every row)
 */
public record DdlIndex(String name, List<String> columns, boolean unique,
    @Nullable LiveRows live) {
  public DdlIndex {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }

  /** An index of every row. */
  public DdlIndex(String name, List<String> columns, boolean unique) {
    this(name, columns, unique, null);
  }
}
