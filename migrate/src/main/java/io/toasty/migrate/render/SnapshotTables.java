package io.toasty.migrate.render;

import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.ColumnTypes;
import io.toasty.migrate.snapshot.DefaultLiteral;
import io.toasty.migrate.snapshot.ForeignKeySnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import io.toasty.schema.db.TableForeignKey.OnDelete;
import io.toasty.sql.ddl.ColumnDefault;
import io.toasty.sql.ddl.DdlColumn;
import io.toasty.sql.ddl.DdlForeignKey;
import io.toasty.sql.ddl.DdlIndex;
import io.toasty.sql.ddl.DdlTable;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Snapshots as the DDL tree declares them: a column is keyed when it is in the table's key, an
 * index or a foreign key ({@code TableSchema.keyed}, as push decides), its default kept.
 */
final class SnapshotTables {
  private SnapshotTables() {}

  static DdlTable table(TableSnapshot table) {
    return new DdlTable(table.name(), table.columns().stream().map(c -> column(table, c)).toList(),
        table.primaryKey(), table.indexes().stream().map(SnapshotTables::index).toList());
  }

  /** {@code column} as declared in {@code table}, whose keys decide its type on some dialects. */
  static DdlColumn column(TableSnapshot table, ColumnSnapshot column) {
    return new DdlColumn(column.name(), ColumnTypes.type(column.type()),
        keyed(table, column.name()), column.nullable(), column.identity(),
        defaultOf(column.defaultValue()));
  }

  static DdlIndex index(IndexSnapshot index) {
    return new DdlIndex(index.name(), index.columns(), index.unique(), index.live());
  }

  static DdlForeignKey foreignKey(ForeignKeySnapshot fk) {
    return new DdlForeignKey(fk.name(), fk.columns(), fk.referencedTable(),
        fk.referencedColumns(), OnDelete.valueOf(fk.onDelete()), fk.referencedIndex());
  }

  static List<DdlForeignKey> foreignKeys(List<ForeignKeySnapshot> keys) {
    return keys.stream().map(SnapshotTables::foreignKey).toList();
  }

  private static boolean keyed(TableSnapshot table, String column) {
    return table.primaryKey().contains(column)
        || table.indexes().stream().anyMatch(ix -> ix.columns().contains(column))
        || table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column));
  }

  private static @Nullable ColumnDefault defaultOf(@Nullable String neutral) {
    return neutral == null ? null : new ColumnDefault(
        ColumnDefault.Kind.valueOf(DefaultLiteral.kind(neutral).toUpperCase(Locale.ROOT)),
        DefaultLiteral.text(neutral));
  }
}
