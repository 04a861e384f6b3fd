package io.toasty.schema;

import io.toasty.error.InvalidModelException;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.db.ColumnSchema;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.stmt.ExprNode;
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
    // a many-to-many among tenant-scoped models joins on the tenant too (TenantJoins)
    for (ModelSchema model : TenantJoins.scope(models)) {
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
    Map<String, ModelSchema> byName = new HashMap<>();
    modelList.forEach(m -> byName.put(m.name(), m));
    modelList.forEach(m -> m.relations().forEach(r -> checkRelation(m, r, byName)));
    return new Schema(modelList, withForeignKeys(modelList, tables, mappings, byName), mappings);
  }

  /** {@code tables} (one per model, in model order) with their foreign keys. */
  private static List<TableSchema> withForeignKeys(List<ModelSchema> models,
      List<TableSchema> tables, List<ModelMapping> mappings, Map<String, ModelSchema> byName) {
    Map<String, ModelMapping> mappingByModel = new HashMap<>();
    mappings.forEach(m -> mappingByModel.put(m.model(), m));
    Map<String, TableSchema> tableByName = new HashMap<>();
    tables.forEach(t -> tableByName.put(t.name(), t));
    List<TableSchema> out = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      TableSchema t = tables.get(i);
      out.add(t.withForeignKeys(ForeignKeys.of(models.get(i), t, byName, mappingByModel,
          tableByName)));
    }
    return out;
  }

  /** A relation's target (and join model) must be registered, and its fields must exist. */
  private static void checkRelation(ModelSchema model, RelationSchema r,
      Map<String, ModelSchema> models) {
    ModelSchema target = models.get(r.target());
    if (target == null) {
      throw new InvalidModelException(model.name(), r.name(), "relation to model " + r.target()
          + ", which is not registered with this Db; register " + r.target() + " too");
    }
    if (r.through() != null) {
      ModelSchema join = models.get(r.through().model());
      if (join == null) {
        throw new InvalidModelException(model.name(), r.name(), "relation through model "
            + r.through().model() + ", which is not registered with this Db");
      }
      fieldsExist(model, r, join, r.through().sourceFields());
      fieldsExist(model, r, join, r.through().targetFields());
    }
    fieldsExist(model, r, model, r.sourceFields());
    fieldsExist(model, r, target, r.targetFields());
    if (!r.pair().isEmpty()) {
      boolean found = target.relations().stream().anyMatch(p -> p.name().equals(r.pair())
          && p.isBelongsTo() && p.target().equals(model.name()));
      if (!found) {
        throw new InvalidModelException(model.name(), r.name(), "its pair " + r.target() + "."
            + r.pair() + " is not a belongs-to relation to " + model.name());
      }
    }
  }

  private static void fieldsExist(ModelSchema model, RelationSchema r, ModelSchema on,
      List<Integer> fields) {
    for (int f : fields) {
      if (f < 0 || f >= on.fields().size()) {
        throw new InvalidModelException(model.name(), r.name(), "relation refers to field #" + f
            + " of " + on.name() + ", which has no such field");
      }
    }
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
      columns.add(new ColumnSchema(f.columnName(), f.type(), f.nullable(), f.auto() == AutoStrategy.IDENTITY));
    }
    List<TableIndex> indexes = new ArrayList<>();
    for (IndexSchema index : model.indexes()) {
      indexes.add(new TableIndex(index.name(), index.fields(), index.unique()));
    }
    // One column per field, in field order: field index == column index.
    return new TableSchema(model.tableName(), columns, model.primaryKey(), indexes);
  }

  private static ModelMapping mappingOf(ModelSchema model) {
    List<ExprNode> columnFromFields = new ArrayList<>();
    List<ExprNode> fieldFromColumns = new ArrayList<>();
    for (FieldSchema f : model.fields()) {
      columnFromFields.add(new ExprNode.Field(model.name(), f.index()));
      fieldFromColumns.add(new ExprNode.Column(model.tableName(), f.index()));
    }
    return new ModelMapping(model.name(), model.tableName(), columnFromFields, fieldFromColumns);
  }
}
