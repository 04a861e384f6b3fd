package io.toasty.stmt;

import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;

/**
 * Whether an expression may be NULL, as renderers ask it where NULL needs a treatment of its own
 * (the library's NULL order: first ascending, last descending, whatever the database's own).
 */
public final class Nullability {
  private Nullability() {}

  /**
   * Whether {@code e} may be NULL: false for a required column and a NULL test, true for
   * anything else (an optional column, an expression).
   */
  public static boolean mayBeNull(Schema schema, ExprNode e) {
    if (e instanceof ExprNode.IsNull
        || e instanceof ExprNode.Not n && n.operand() instanceof ExprNode.IsNull) {
      return false;
    }
    if (e instanceof ExprNode.Scalar s && s.query().returning() instanceof Returning.Project p
        && p.exprs().size() == 1 && p.exprs().get(0) instanceof ExprNode.Aggregate a
        && (a.op() == ExprNode.AggOp.COUNT_ALL || a.op() == ExprNode.AggOp.COUNT)) {
      return false; // a count of no row is 0
    }
    if (!(e instanceof ExprNode.Column c)) {
      return true;
    }
    TableSchema table = schema.table(c.table());
    return c.index() < 0 || c.index() >= table.columns().size()
        || table.column(c.index()).nullable();
  }
}
