package io.toasty.sql.ddl;

import io.toasty.schema.db.TableForeignKey.OnDelete;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A foreign key as DDL declares it: {@code CONSTRAINT name FOREIGN KEY (columns) REFERENCES
 * referencedTable (referencedColumns) ON DELETE onDelete}.
 *
 * @param name              the constraint's name
 * @param columns           the referring columns by name
 * @param referencedTable   the table referred to
 * @param referencedColumns its columns by name: its primary key or a unique index's
 * @param onDelete          what deleting the referred row does to the referring rows
 * @param referencedIndex   the unique index over {@code referencedColumns}, or {@code null} when
 *                          they are the referred table's primary key
 */
public record DdlForeignKey(String name, List<String> columns, String referencedTable,
    List<String> referencedColumns, OnDelete onDelete,
    @Nullable String referencedIndex) {
  public DdlForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(referencedTable, "referencedTable");
    Objects.requireNonNull(onDelete, "onDelete");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
  }
}
