package io.toasty.planner.plan;

import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.value.Type;

/**
 * The type of one expression a table-level statement selects: a column's own; a relation's
 * aggregate per record (a scalar subquery of one aggregate) the aggregate's, as SQL gives it;
 * else {@link Type.Scalar#NULL}, read as the driver returns it (as a grouped row's values are).
 */
final class ComputedType {
  private ComputedType() {}

  static Type of(Schema schema, TableSchema table, ExprNode e) {
    if (e instanceof ExprNode.Column c) {
      return table.column(c.index()).type();
    }
    if (e instanceof ExprNode.Scalar s && s.query().returning() instanceof Returning.Project p
        && p.exprs().size() == 1 && p.exprs().get(0) instanceof ExprNode.Aggregate a) {
      Type operand = a.operand() instanceof ExprNode.Column c
          ? schema.table(c.table()).column(c.index()).type() : Type.Scalar.NULL;
      return switch (a.op()) {
        case COUNT_ALL, COUNT, SUM -> Type.Scalar.I64;
        case SUM_DOUBLE, AVG -> Type.Scalar.F64;
        case SUM_DECIMAL, AVG_DECIMAL -> Type.Scalar.DECIMAL;
        case MIN, MAX -> operand;
      };
    }
    return Type.Scalar.NULL;
  }
}
