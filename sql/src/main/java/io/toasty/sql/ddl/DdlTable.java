package io.toasty.sql.ddl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as DDL declares it, its foreign keys aside (where they go depends on the statement:
 * {@link DdlStatement.TableCreation} lists those it declares).
 *
 * @param name       its name
 * @param columns    its columns in order
 * @param primaryKey its key's columns by name (empty: no key)
 * @param indexes    its indexes
 */
public record DdlTable(String name, List<DdlColumn> columns, List<String> primaryKey,
    List<DdlIndex> indexes) {
  public DdlTable {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = List.copyOf(indexes);
  }

  /** The column called {@code name}, if there is one. */
  public Optional<DdlColumn> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** This table without its indexes. */
  public DdlTable withoutIndexes() {
    return new DdlTable(name, columns, primaryKey, List.of());
  }
}
