package io.toasty.planner.lower;

import io.toasty.planner.expr.Children;
import io.toasty.schema.Schema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * Field references become the expressions over columns that store them ({@code fieldFromColumns}
 * of the model's mapping); subqueries on models become subqueries on tables.
 */
public final class LowerExpr {
  private final Schema schema;

  LowerExpr(Schema schema) {
    this.schema = schema;
  }

  /** {@code e} with every field replaced by its column expression. */
  public static ExprNode lower(ExprNode e, Schema schema) {
    return new LowerExpr(schema).expr(e);
  }

  ExprNode expr(ExprNode e) {
    if (e instanceof ExprNode.Field f) {
      return schema.mapping(f.model()).fieldFromColumns().get(f.index());
    }
    if (e instanceof ExprNode.Outer o && expr(o.operand()) instanceof ExprNode.Record r) {
      // A field stored in several columns: each column of the outer row, so that a backend
      // meets an outer reference on a column only.
      return new ExprNode.Record(Children.list(r.fields(), ExprNode.Outer::new));
    }
    return Children.map(e, this::expr, this::subquery);
  }

  List<OrderBy> orderBy(List<OrderBy> in) {
    List<OrderBy> out = new ArrayList<>(in.size());
    for (OrderBy o : in) {
      out.add(new OrderBy(expr(o.expr()), o.direction()));
    }
    return out;
  }

  private Query subquery(Query q) {
    String model = ((Source.Model) q.source()).model();
    String table = schema.mapping(model).table();
    Returning returning = q.returning();
    if (returning instanceof Returning.Project p) {
      returning = new Returning.Project(Children.list(p.exprs(), this::expr));
    } else if (returning instanceof Returning.Grouped g) { // a relation count's keys
      returning = new Returning.Grouped(Children.list(g.exprs(), this::expr),
          Children.list(g.groupBy(), this::expr), expr(g.having()), g.distinct());
    }
    return new Query(new Source.Table(table), expr(q.filter()), returning, orderBy(q.orderBy()),
        q.limit());
  }
}
