package io.toasty.sql.ddl;

import java.util.List;
import java.util.Objects;

/**
 * An index as DDL declares it.
 *
 * @param name    its name
 * @param columns its columns by name, in order
 * @param unique  whether it is a unique index
 */
public record DdlIndex(String name, List<String> columns, boolean unique) {
  public DdlIndex {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
