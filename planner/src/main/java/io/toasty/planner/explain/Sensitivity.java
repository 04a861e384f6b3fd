package io.toasty.planner.explain;

import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;

/**
 * Whether an expression reads a {@code @Sensitive} field, by the field or by its column, so that
 * {@code explain} hides the values compared with it.
 */
final class Sensitivity {
  private Sensitivity() {}

  static boolean touches(Schema schema, ExprNode e) {
    if (e instanceof ExprNode.Field f) {
      return schema.hasModel(f.model()) && sensitive(schema.model(f.model()), f.index());
    }
    if (e instanceof ExprNode.Column c) {
      return column(schema, c);
    }
    if (e instanceof ExprNode.Compare c) {
      return touches(schema, c.left()) || touches(schema, c.right());
    }
    if (e instanceof ExprNode.Arith a) {
      return touches(schema, a.left()) || touches(schema, a.right());
    }
    if (e instanceof ExprNode.IsNotDistinctFrom d) {
      return touches(schema, d.left()) || touches(schema, d.right());
    }
    if (e instanceof ExprNode.Pattern p) {
      return touches(schema, p.operand()) || touches(schema, p.pattern());
    }
    if (e instanceof ExprNode.InList in) {
      return touches(schema, in.operand());
    }
    if (e instanceof ExprNode.Func f) {
      return touches(schema, f.operand());
    }
    if (e instanceof ExprNode.JsonText j) {
      return touches(schema, j.operand());
    }
    if (e instanceof ExprNode.Contains c) {
      return touches(schema, c.operand());
    }
    if (e instanceof ExprNode.IsEmpty i) {
      return touches(schema, i.operand());
    }
    if (e instanceof ExprNode.CollectionChange c) {
      return touches(schema, c.operand());
    }
    if (e instanceof ExprNode.Record r) {
      return r.fields().stream().anyMatch(x -> touches(schema, x));
    }
    if (e instanceof ExprNode.Project p) {
      return touches(schema, p.base());
    }
    if (e instanceof ExprNode.Case c) {
      return touches(schema, c.operand()) || touches(schema, c.otherwise());
    }
    return false;
  }

  private static boolean sensitive(ModelSchema m, int index) {
    return index >= 0 && index < m.fields().size() && m.fields().get(index).sensitive();
  }

  private static boolean column(Schema schema, ExprNode.Column c) {
    for (ModelSchema m : schema.models()) {
      if (!m.tableName().equals(c.table())) {
        continue;
      }
      try {
        String name = schema.table(c.table()).column(c.index()).name();
        for (FieldSchema f : m.fields()) {
          if (f.sensitive() && f.columnName().equals(name)) {
            return true;
          }
        }
      } catch (RuntimeException unknown) {
        return false;
      }
    }
    return false;
  }
}
