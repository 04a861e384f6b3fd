package io.toasty.schema.naming;

import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import java.util.ArrayList;
import java.util.List;

/** Applies a {@link NamingStrategy} to the derived names of one model. */
final class Renaming {
  private Renaming() {}

  static ModelSchema apply(NamingStrategy strategy, ModelSchema model) {
    String table = model.declared().table() ? model.tableName() : strategy.table(model);
    List<FieldSchema> fields = new ArrayList<>(model.fields().size());
    boolean changed = !table.equals(model.tableName());
    for (FieldSchema f : model.fields()) {
      String column = model.declared().column(f.index()) ? f.columnName()
          : strategy.column(model, f);
      changed |= !column.equals(f.columnName());
      fields.add(column.equals(f.columnName()) ? f : f.withColumnName(column));
    }
    return changed ? model.withNames(table, fields, indexes(model, table)) : model;
  }

  /**
   * The model's indexes, those named after its table ({@code users_email_key}, as the processor
   * names them) renamed after {@code table}, so that two {@code Db}s with different strategies
   * on one database create indexes of different names.
   */
  private static List<IndexSchema> indexes(ModelSchema model, String table) {
    String prefix = model.tableName() + "_";
    if (table.equals(model.tableName())) {
      return model.indexes();
    }
    return model.indexes().stream().map(i -> i.name().startsWith(prefix)
        ? new IndexSchema(table + "_" + i.name().substring(prefix.length()), i.fields(),
            i.unique())
        : i).toList();
  }
}
