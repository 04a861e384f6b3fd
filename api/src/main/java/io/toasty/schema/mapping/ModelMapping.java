package io.toasty.schema.mapping;

import io.toasty.stmt.ExprNode;
import java.util.List;
import java.util.Objects;

/**
 * How a model is stored in a table: an expression per column over the model's fields (to lower
 * writes and filters), and an expression per field over the table's columns (to lift rows back).
 *
 * <p>Today every field maps to one column, so each expression is a single {@link ExprNode.Field} or
 * {@link ExprNode.Column}; the shape leaves room for fields spread over several columns (embedded
 * records) and for columns derived from several fields.
 *
 * @param columnFromFields per column, an expression over {@code ExprNode.Field}s of the model
 * @param fieldFromColumns per field, an expression over {@code ExprNode.Column}s of the table
 */
public record ModelMapping(String model, String table, List<ExprNode> columnFromFields,
    List<ExprNode> fieldFromColumns) {
  public ModelMapping {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(table, "table");
    columnFromFields = List.copyOf(columnFromFields);
    fieldFromColumns = List.copyOf(fieldFromColumns);
  }

  /**
   * The column that stores {@code field} alone, or -1 when the field is not stored in exactly
   * one column.
   */
  public int columnOf(int field) {
    return fieldFromColumns.get(field) instanceof ExprNode.Column c ? c.index() : -1;
  }
}
