package io.toasty.schema;

import io.toasty.InvalidModelException;
import io.toasty.schema.app.Auto;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.ColumnSchema;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.stmt.Expr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Derives the db layer and the mapping from the app layer, and checks what spans models. */
final class SchemaBuilder {
  private SchemaBuilder() {}

  static Schema build(Collection<ModelSchema> models) {
    List<ModelSchema> modelList = new ArrayList<>();
    List<TableSchema> tables = new ArrayList<>();
    List<ModelMapping> mappings = new ArrayList<>();
    Map<String, String> modelByName = new HashMap<>();
    Map<String, String> modelByTable = new HashMap<>();
    Map<String, String> modelByIndex = new HashMap<>();
    for (ModelSchema model : models) {
      claim(modelByName, model.name(), model, "another model has the same name: "
          + modelByName.get(model.name()));
      String tableKey = model.tableName().toLowerCase(Locale.ROOT);
      claim(modelByTable, tableKey, model, "table '" + model.tableName()
          + "' is already used by model " + modelByTable.get(tableKey));
      for (IndexSchema index : model.indexes()) {
        String key = index.name().toLowerCase(Locale.ROOT);
        claim(modelByIndex, key, model, "index '" + index.name()
            + "' is already used by model " + modelByIndex.get(key));
      }
      modelList.add(model);
      tables.add(tableOf(model));
      mappings.add(mappingOf(model));
    }
    return new Schema(modelList, tables, mappings);
  }

  private static void claim(Map<String, String> owners, String key, ModelSchema model,
      String message) {
    if (owners.putIfAbsent(key, model.name()) != null) {
      throw new InvalidModelException(model.name(), null, message);
    }
  }

  private static TableSchema tableOf(ModelSchema model) {
    List<ColumnSchema> columns = new ArrayList<>();
    Map<String, String> fieldByColumn = new HashMap<>();
    for (FieldSchema f : model.fields()) {
      String prior = fieldByColumn.putIfAbsent(f.columnName().toLowerCase(Locale.ROOT), f.name());
      if (prior != null) {
        throw new InvalidModelException(model.name(), f.name(),
            "column '" + f.columnName() + "' is already used by field " + prior);
      }
      columns.add(new ColumnSchema(f.columnName(), f.type(), f.nullable(), f.auto() == Auto.IDENTITY));
    }
    List<TableIndex> indexes = new ArrayList<>();
    for (IndexSchema index : model.indexes()) {
      indexes.add(new TableIndex(index.name(), index.fields(), index.unique()));
    }
    // One column per field, in field order: field index == column index.
    return new TableSchema(model.tableName(), columns, model.primaryKey(), indexes);
  }

  private static ModelMapping mappingOf(ModelSchema model) {
    List<Expr> columnFromFields = new ArrayList<>();
    List<Expr> fieldFromColumns = new ArrayList<>();
    for (FieldSchema f : model.fields()) {
      columnFromFields.add(new Expr.Field(model.name(), f.index()));
      fieldFromColumns.add(new Expr.Column(model.tableName(), f.index()));
    }
    return new ModelMapping(model.name(), model.tableName(), columnFromFields, fieldFromColumns);
  }
}
