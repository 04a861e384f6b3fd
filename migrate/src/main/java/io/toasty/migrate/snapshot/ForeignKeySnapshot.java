package io.toasty.migrate.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A foreign key as a snapshot records it: its columns and the columns they refer to by name, in
 * the referred key's order.
 *
 * @param name              the constraint's name ({@code TableForeignKey.nameOf})
 * @param columns           the table's columns
 * @param referencedTable   the table referred to
 * @param referencedColumns its columns: its primary key, or a unique index's
 * @param onDelete          {@code CASCADE}, {@code SET_NULL} or {@code RESTRICT}
 * @param referencedIndex   the unique index of {@code referencedTable} over
 *                          {@code referencedColumns}, or {@code null} when they are its primary
 *                          key (a key referring to an index is added after the index exists)
 */
public record ForeignKeySnapshot(String name, List<String> columns, String referencedTable,
    List<String> referencedColumns, String onDelete,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String referencedIndex) {
  public ForeignKeySnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(referencedTable, "referencedTable");
    Objects.requireNonNull(onDelete, "onDelete");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
  }

  /** This key with the column {@code from} of {@code table} called {@code to}. */
  public ForeignKeySnapshot renamed(String owner, String table, String from, String to) {
    List<String> own = owner.equals(table)
        ? columns.stream().map(c -> c.equals(from) ? to : c).toList() : columns;
    List<String> referenced = referencedTable.equals(table)
        ? referencedColumns.stream().map(c -> c.equals(from) ? to : c).toList()
        : referencedColumns;
    return new ForeignKeySnapshot(name, own, referencedTable, referenced, onDelete,
        referencedIndex);
  }
}
