package io.toasty.sql.ddl;

import io.toasty.sql.ddl.DdlStatement.IndexCreation;
import io.toasty.sql.ddl.DdlStatement.RowCopy;
import io.toasty.sql.ddl.DdlStatement.TableCreation;
import io.toasty.sql.ddl.DdlStatement.TableDrop;
import io.toasty.sql.ddl.DdlStatement.TableRename;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table rebuilt in a new shape, keeping its rows, for a backend that changes a column, a CHECK
 * or a foreign key only with its table (SQLite): the procedure of
 * <a href="https://www.sqlite.org/lang_altertable.html#otheralter">SQLite's ALTER TABLE page</a>.
 * A new table under a temporary name with every foreign key, the rows copied (the changed column,
 * if any, cast to its new type), the old table dropped, the new one renamed, its indexes made.
 * The caller runs it with foreign key enforcement off (a DROP TABLE would otherwise delete the
 * rows referring to the old table) and checks every foreign key before it commits.
 */
public final class TableRebuild {
  private TableRebuild() {}

  /**
   * The statements that rebuild {@code table}.
   *
   * @param table       the table in its new shape
   * @param foreignKeys its foreign keys, all declared in the new table
   * @param temporary   the new table's name while the old one exists
   * @param changed     the column whose type changes (cast as it is copied), or {@code null}
   * @param ifNotExists whether the indexes are made {@code IF NOT EXISTS}
   */
  public static List<DdlStatement> of(DdlTable table, List<DdlForeignKey> foreignKeys,
      String temporary, @Nullable String changed, boolean ifNotExists) {
    List<DdlStatement> out = new ArrayList<>();
    out.add(new TableCreation(temporary, table.withoutIndexes(), foreignKeys, false));
    out.add(new RowCopy(table.name(), temporary, table, changed));
    out.add(new TableDrop(table.name(), false));
    out.add(new TableRename(temporary, table.name()));
    for (DdlIndex index : table.indexes()) {
      out.add(new IndexCreation(table.name(), index, ifNotExists, List.of()));
    }
    return out;
  }
}
