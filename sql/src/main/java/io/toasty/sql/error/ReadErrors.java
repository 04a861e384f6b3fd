package io.toasty.sql.error;

import io.toasty.error.ValueOutOfRangeException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Value;
import java.util.List;

/**
 * A row the database holds but the model cannot read (written by someone else, or before a range
 * CHECK guarded the column) as a {@link ValueOutOfRangeException} naming the model, the field and
 * the record's key, where the statement reads that column of a model's table.
 */
final class ReadErrors {
  private ReadErrors() {}

  static ValueOutOfRangeException of(Schema schema, StatementNode statement,
      UnreadableColumnException e) {
    List<ExprNode> columns =
        statement instanceof Query q && q.returning() instanceof Returning.Project p
            ? p.exprs()
            : List.of();
    if (e.column() < columns.size() && columns.get(e.column()) instanceof ExprNode.Column c) {
      for (ModelSchema model : schema.models()) {
        ModelMapping mapping = schema.mapping(model.name());
        if (!mapping.table().equals(c.table())) {
          continue;
        }
        for (int f = 0; f < model.fields().size(); f++) {
          if (mapping.columnOf(f) == c.index() && model.field(f).sensitive()) {
            // the driver's text quotes the stored value: leave it and its exception out
            return new ValueOutOfRangeException(model.name(), model.field(f).name(),
                "the stored value cannot be read as the field's type, in the record with key "
                + key(schema.table(c.table()), columns, e.row()), null);
          }
          if (mapping.columnOf(f) == c.index()) {
            return new ValueOutOfRangeException(model.name(), model.field(f).name(),
                "the stored value cannot be read as the field's type, in the record with key "
                + key(schema.table(c.table()), columns, e.row()) + " (" + e.getMessage() + ")",
                e);
          }
        }
      }
    }
    return new ValueOutOfRangeException(null, null, "a stored value cannot be read: "
        + e.getMessage(), e);
  }

  /** The primary key's columns as read in the same row, {@code ?} where not read. */
  private static String key(TableSchema table, List<ExprNode> columns, List<Value> row) {
    StringBuilder out = new StringBuilder();
    for (int k : table.primaryKey()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(table.column(k).name()).append(" = ");
      int at = columns.indexOf(new ExprNode.Column(table.name(), k));
      out.append(at < 0 || at >= row.size() ? "?" : String.valueOf(row.get(at).toJava()));
    }
    return out.toString();
  }
}
