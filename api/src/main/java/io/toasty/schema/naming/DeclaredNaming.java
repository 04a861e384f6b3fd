package io.toasty.schema.naming;

import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;

/** {@link NamingStrategy#declared()}: every name as the model carries it. */
enum DeclaredNaming implements NamingStrategy {
  INSTANCE;

  @Override
  public String table(ModelSchema model) {
    return model.tableName();
  }

  @Override
  public String column(ModelSchema model, FieldSchema field) {
    return field.columnName();
  }

  @Override
  public ModelSchema apply(ModelSchema model) {
    return model;
  }

  @Override
  public String toString() {
    return "NamingStrategy.declared()";
  }
}
