package io.toasty.planner.explain;

import io.toasty.schema.Schema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import java.util.ArrayList;
import java.util.List;

/** Renders model-level and table-level statements as SQL-like text for {@code explain}. */
final class ExplainStatement {
  private final Schema schema;
  private final ExplainExpr x;

  ExplainStatement(Schema schema, ExplainExpr x) {
    this.schema = schema;
    this.x = x;
  }

  String statement(StatementNode s) {
    if (s instanceof Query q) {
      return query(q);
    } else if (s instanceof InsertNode i) {
      return insert(i);
    } else if (s instanceof UpdateNode u) {
      return "UPDATE " + source(u.target()) + " SET " + assignments(u) + where(u.filter())
          + " RETURNING " + returning(u.returning());
    }
    DeleteNode d = (DeleteNode) s;
    return "DELETE FROM " + source(d.from()) + where(d.filter()) + " RETURNING "
        + returning(d.returning());
  }

  String query(Query q) {
    StringBuilder out = new StringBuilder("SELECT ").append(returning(q.returning()))
        .append(" FROM ").append(source(q.source())).append(where(q.filter()));
    if (!q.orderBy().isEmpty()) {
      List<String> terms = new ArrayList<>();
      for (OrderBy o : q.orderBy()) {
        terms.add(x.expr(o.expr()) + " " + o.direction());
      }
      out.append(" ORDER BY ").append(String.join(", ", terms));
    }
    if (q.limit() != null) {
      out.append(" LIMIT ").append(x.expr(q.limit().count()));
      if (q.limit().offset() != null) {
        out.append(" OFFSET ").append(x.expr(q.limit().offset()));
      }
    }
    return out.toString();
  }

  private String insert(InsertNode i) {
    String columns = i.target() instanceof Source.Table t
        ? " (" + x.columns(t.table(), i.columns()) + ")" : "";
    List<String> rows = new ArrayList<>();
    for (ExprNode.Record r : i.rows()) {
      rows.add(x.expr(r));
    }
    return "INSERT INTO " + source(i.target()) + columns + " VALUES " + String.join(", ", rows)
        + " RETURNING " + returning(i.returning());
  }

  private String assignments(UpdateNode u) {
    List<String> out = new ArrayList<>();
    for (Assignment a : u.assignments()) {
      String target = u.target() instanceof Source.Table t ? x.columnName(t.table(), a.target())
          : x.fieldName(new ExprNode.Field(((Source.Model) u.target()).model(), a.target()));
      out.add(target + " = " + x.expr(a.value()));
    }
    return String.join(", ", out);
  }

  private String where(ExprNode filter) {
    return filter.equals(ExprNode.TRUE) ? "" : " WHERE " + x.expr(filter);
  }

  String returning(Returning r) {
    if (r instanceof Returning.Model m) {
      return m.includes().isEmpty() ? "MODEL" : "MODEL INCLUDE " + includes(m.includes());
    } else if (r instanceof Returning.Project p) {
      return x.list(p.exprs());
    } else if (r instanceof Returning.Keys k) {
      return "KEYS " + k.indexes();
    } else if (r instanceof Returning.Grouped g) {
      return (g.distinct() ? "DISTINCT " : "") + x.list(g.exprs())
          + (g.groupBy().isEmpty() ? "" : " GROUP BY " + x.list(g.groupBy()))
          + (g.having().equals(ExprNode.TRUE) ? "" : " HAVING " + x.expr(g.having()));
    }
    return "COUNT";
  }

  /** {@code posts WHERE .. ORDER BY .. (INCLUDE comments)}, comma separated. */
  private String includes(List<IncludeNode> includes) {
    List<String> out = new ArrayList<>();
    for (IncludeNode i : includes) {
      Query scope = i.scope();
      StringBuilder one = new StringBuilder(x.fieldName(i.relation())).append(where(scope.filter()));
      if (!scope.orderBy().isEmpty()) {
        List<String> terms = new ArrayList<>();
        for (OrderBy o : scope.orderBy()) {
          terms.add(x.expr(o.expr()) + " " + o.direction());
        }
        one.append(" ORDER BY ").append(String.join(", ", terms));
      }
      if (scope.returning() instanceof Returning.Model m && !m.includes().isEmpty()) {
        one.append(" (INCLUDE ").append(includes(m.includes())).append(')');
      }
      out.add(one.toString());
    }
    return String.join(", ", out);
  }

  private String source(Source s) {
    if (s instanceof Source.Model m) {
      return m.model();
    }
    Source.Table t = (Source.Table) s;
    if (t.join() == null) {
      return t.table();
    }
    List<String> on = new ArrayList<>();
    for (int i = 0; i < t.join().columns().size(); i++) {
      on.add(x.columnName(new ExprNode.Column(t.join().table(),
          t.join().columns().get(i))) + " = " + x.columnName(new ExprNode.Column(
          t.table(), t.join().on().get(i))));
    }
    return t.table() + " JOIN " + t.join().table() + " ON " + String.join(" AND ", on);
  }

  Schema schema() {
    return schema;
  }
}
