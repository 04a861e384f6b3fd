package io.toasty.migrate.snapshot;

import io.toasty.schema.JoinModels;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema.GraphEdge;
import io.toasty.schema.db.ColumnSchema;
import io.toasty.schema.db.TableForeignKey;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.sql.ddl.LiveRows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Takes the snapshot of a schema: its db layer, with the app layer's defaults and renames. */
public final class Snapshots {
  private Snapshots() {}

  /** The snapshot of the schema of {@code models}. */
  public static SchemaSnapshot of(Collection<ModelSchema> models) {
    return of(Schema.of(models));
  }

  /** The snapshot of {@code schema}. */
  public static SchemaSnapshot of(Schema schema) {
    Objects.requireNonNull(schema, "schema");
    List<TableSnapshot> tables = new ArrayList<>();
    for (ModelSchema model : schema.models()) {
      ModelMapping mapping = schema.mapping(model.name());
      tables.add(table(schema, model, mapping, schema.table(mapping.table())));
    }
    tables.sort(Comparator.comparing(TableSnapshot::name));
    return new SchemaSnapshot(SchemaSnapshot.FORMAT, tables);
  }

  private static TableSnapshot table(Schema schema, ModelSchema model, ModelMapping mapping,
      TableSchema table) {
    List<ColumnSnapshot> columns = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      ColumnSchema column = table.column(c);
      FieldSchema field = fieldOf(model, mapping, c);
      boolean nullable = column.nullable() && !column.identity() && !table.primaryKey().contains(c);
      columns.add(new ColumnSnapshot(column.name(), field == null ? null : field.name(),
          ColumnTypes.name(column.type()), nullable, column.identity(),
          field == null ? null : DefaultLiteral.of(field.defaultValue()),
          field == null ? null : field.renamedFrom()));
    }
    List<String> key = table.primaryKey().stream().map(i -> table.column(i).name()).toList();
    List<IndexSnapshot> indexes = new ArrayList<>();
    for (TableIndex index : table.indexes()) {
      indexes.add(IndexSnapshot.of(index.name(),
          index.columns().stream().map(i -> table.column(i).name()).toList(), index.unique(),
          LiveRows.of(schema, table, index)));
    }
    indexes.sort(Comparator.comparing(IndexSnapshot::name));
    List<ForeignKeySnapshot> foreignKeys = new ArrayList<>();
    for (TableForeignKey fk : table.foreignKeys()) {
      TableSchema referenced = schema.table(fk.referencedTable());
      foreignKeys.add(new ForeignKeySnapshot(fk.name(),
          fk.columns().stream().map(i -> table.column(i).name()).toList(), referenced.name(),
          fk.referencedColumns().stream().map(i -> referenced.column(i).name()).toList(),
          fk.onDelete().name(), uniqueIndex(referenced, fk.referencedColumns())));
    }
    return new TableSnapshot(table.name(), model.name(), columns, key, indexes)
        .withForeignKeys(foreignKeys).asRelationship(JoinModels.isEdge(schema, model))
        .withRelationshipType(JoinModels.isEdge(schema, model) ? JoinModels.declared(model)
            .map(GraphEdge::type).orElse("") : "").withChanges(model.changes());
  }

  /** The unique index over {@code columns}, or null when they are the primary key. */
  private static @Nullable String uniqueIndex(TableSchema table, List<Integer> columns) {
    if (columns.equals(table.primaryKey())) {
      return null;
    }
    return table.indexes().stream().filter(ix -> ix.unique() && ix.columns().equals(columns))
        .map(TableIndex::name).findFirst().orElse(null);
  }

  private static @Nullable FieldSchema fieldOf(ModelSchema model, ModelMapping mapping,
      int column) {
    for (int f = 0; f < model.fields().size(); f++) {
      if (mapping.columnOf(f) == column) {
        return model.field(f);
      }
    }
    return null;
  }
}
