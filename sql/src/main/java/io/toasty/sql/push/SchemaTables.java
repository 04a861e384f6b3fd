package io.toasty.sql.push;

import io.toasty.schema.Schema;
import io.toasty.schema.db.ColumnSchema;
import io.toasty.schema.db.TableForeignKey;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.sql.ddl.DdlColumn;
import io.toasty.sql.ddl.DdlForeignKey;
import io.toasty.sql.ddl.DdlIndex;
import io.toasty.sql.ddl.DdlTable;
import io.toasty.sql.ddl.LiveRows;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema's tables as the DDL tree declares them, for push: columns without database defaults
 * (push leaves defaults to the engine), a key or identity column never nullable.
 */
final class SchemaTables {
  private final Schema schema;

  SchemaTables(Schema schema) {
    this.schema = schema;
  }

  DdlTable table(TableSchema table) {
    List<DdlColumn> columns = new ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      columns.add(column(table, i));
    }
    List<DdlIndex> indexes = new ArrayList<>();
    for (TableIndex index : table.indexes()) {
      indexes.add(index(table, index));
    }
    return new DdlTable(table.name(), columns, names(table, table.primaryKey()), indexes);
  }

  DdlColumn column(TableSchema table, int index) {
    ColumnSchema column = table.column(index);
    boolean nullable = column.nullable() && !column.identity()
        && !table.primaryKey().contains(index);
    return new DdlColumn(column.name(), column.type(), table.keyed(index), nullable,
        column.identity(), null);
  }

  DdlIndex index(TableSchema table, TableIndex index) {
    return new DdlIndex(index.name(), names(table, index.columns()), index.unique(),
        LiveRows.of(schema, table, index));
  }

  DdlForeignKey foreignKey(TableSchema table, TableForeignKey fk) {
    TableSchema referenced = schema.table(fk.referencedTable());
    String index = referenced.indexes().stream()
        .filter(ix -> ix.unique() && ix.columns().equals(fk.referencedColumns()))
        .map(TableIndex::name).findFirst().orElse(null);
    return new DdlForeignKey(fk.name(), names(table, fk.columns()), referenced.name(),
        names(referenced, fk.referencedColumns()), fk.onDelete(),
        fk.referencedColumns().equals(referenced.primaryKey()) ? null : index);
  }

  List<DdlForeignKey> foreignKeys(TableSchema table, List<TableForeignKey> keys) {
    return keys.stream().map(fk -> foreignKey(table, fk)).toList();
  }

  private static List<String> names(TableSchema table, List<Integer> columns) {
    return columns.stream().map(c -> table.column(c).name()).toList();
  }
}
