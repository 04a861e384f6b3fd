package io.toasty.planner.expr;

import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;

/** The number of argument slots a statement's shape uses: one more than its highest Arg. */
public final class ArgCount {
  private int max = -1;

  private ArgCount() {}

  /** The argument count of {@code s}. */
  public static int of(StatementNode s) {
    ArgCount c = new ArgCount();
    c.statement(s);
    return c.max + 1;
  }

  private void statement(StatementNode s) {
    if (s instanceof Query q) {
      query(q);
    } else if (s instanceof InsertNode i) {
      i.rows().forEach(this::expr);
      returning(i.returning());
      if (i.onConflict() != null) {
        i.onConflict().assignments().forEach(a -> expr(a.value()));
      }
    } else if (s instanceof UpdateNode u) {
      expr(u.filter());
      u.assignments().forEach(a -> expr(a.value()));
    } else if (s instanceof DeleteNode d) {
      expr(d.filter());
    }
  }

  private void query(Query q) {
    expr(q.filter());
    returning(q.returning());
    for (OrderBy o : q.orderBy()) {
      expr(o.expr());
    }
    if (q.limit() != null) {
      expr(q.limit().count());
      if (q.limit().offset() != null) {
        expr(q.limit().offset());
      }
    }
  }

  private void returning(Returning r) {
    if (r instanceof Returning.Project p) {
      p.exprs().forEach(this::expr);
    } else if (r instanceof Returning.Grouped g) {
      g.exprs().forEach(this::expr);
      g.groupBy().forEach(this::expr);
      expr(g.having());
    } else if (r instanceof Returning.Model m) {
      m.includes().forEach(i -> query(i.scope()));
    }
  }

  private void expr(ExprNode e) {
    Walk.each(e, x -> {
      if (x instanceof ExprNode.Arg a) {
        max = Math.max(max, a.index());
      } else if (x instanceof ExprNode.InSubquery s) {
        query(s.query());
      } else if (x instanceof ExprNode.Exists ex) {
        query(ex.query());
      } else if (x instanceof ExprNode.Scalar sc) {
        query(sc.query());
      } else if (x instanceof ExprNode.Stmt nested) {
        statement(nested.statement());
      }
    });
  }
}
