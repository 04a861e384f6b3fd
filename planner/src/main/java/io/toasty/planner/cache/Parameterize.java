package io.toasty.planner.cache;

import io.toasty.planner.expr.Children;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Replaces every scalar non-null literal with an argument slot, numbered in walk order, and
 * collects the values. NULL, TRUE and FALSE stay literal: they change what a statement means
 * (a comparison with NULL matches nothing), so they belong to the shape.
 */
public final class Parameterize {
  private final List<Value> args = new ArrayList<>();
  /** {@link #expr} and {@link #query} as functions, made once per statement, not per node. */
  private final UnaryOperator<ExprNode> exprs = this::expr;
  private final UnaryOperator<Query> queries = this::query;

  private Parameterize() {}

  /** The shape of {@code s} and the values taken out of it. */
  public static Shape of(StatementNode s) {
    Parameterize p = new Parameterize();
    StatementNode shape = p.statement(s);
    return new Shape(shape, p.args);
  }

  private StatementNode statement(StatementNode s) {
    if (s instanceof Query q) {
      return query(q);
    } else if (s instanceof InsertNode i) {
      List<ExprNode.Record> rows = Children.list(i.rows(), exprs);
      Returning returning = returning(i.returning());
      return new InsertNode(i.target(), i.columns(), rows, returning, i.onConflict() == null ? null
          : new OnConflict(i.onConflict().target(), i.onConflict().copied(),
              assignments(i.onConflict().assignments())), i.atomic());
    } else if (s instanceof UpdateNode u) {
      return new UpdateNode(u.target(), expr(u.filter()), assignments(u.assignments()),
          u.returning());
    }
    DeleteNode d = (DeleteNode) s;
    return new DeleteNode(d.from(), expr(d.filter()), d.returning());
  }

  private Query query(Query q) {
    ExprNode filter = expr(q.filter());
    Returning returning = returning(q.returning());
    List<OrderBy> orderBy = q.orderBy(); // an unordered query (a get by key) copies nothing
    if (!orderBy.isEmpty()) {
      orderBy = new ArrayList<>(q.orderBy().size());
      for (OrderBy o : q.orderBy()) {
        orderBy.add(new OrderBy(expr(o.expr()), o.direction()));
      }
    }
    Limit limit = q.limit() == null ? null : new Limit(expr(q.limit().count()),
        q.limit().offset() == null ? null : expr(q.limit().offset()));
    return new Query(q.source(), filter, returning, orderBy, limit, q.lock(), q.consistency());
  }

  /** Projections and include scopes hold values too. */
  private Returning returning(Returning r) {
    if (r instanceof Returning.Project p) {
      return new Returning.Project(Children.list(p.exprs(), exprs));
    }
    if (r instanceof Returning.Grouped g) {
      return new Returning.Grouped(Children.list(g.exprs(), exprs),
          Children.list(g.groupBy(), exprs), expr(g.having()), g.distinct());
    }
    if (r instanceof Returning.Model m && !m.includes().isEmpty()) {
      List<IncludeNode> includes = new ArrayList<>(m.includes().size());
      for (IncludeNode i : m.includes()) {
        includes.add(new IncludeNode(i.relation(), query(i.scope())));
      }
      return m.withIncludes(includes);
    }
    return r;
  }

  private List<Assignment> assignments(List<Assignment> in) {
    List<Assignment> out = new ArrayList<>(in.size());
    for (Assignment a : in) {
      out.add(new Assignment(a.target(), expr(a.value())));
    }
    return out;
  }

  private ExprNode expr(ExprNode e) {
    if (e instanceof ExprNode.Const c && isParameter(c.value())) {
      args.add(c.value());
      return new ExprNode.Arg(args.size() - 1);
    }
    if (e instanceof ExprNode.Stmt nested) {
      return new ExprNode.Stmt(statement(nested.statement()));
    }
    if (e instanceof ExprNode.Arg) {
      throw new IllegalArgumentException("a statement given to the engine must hold values, "
          + "not argument slots: " + e);
    }
    return Children.map(e, exprs, queries);
  }

  /**
   * Whether every one of {@code values} would become an argument: where one would stay literal,
   * the statement's shape is not that of the same statement with other values.
   */
  public static boolean allParameters(List<Value> values) {
    for (int i = 0; i < values.size(); i++) {
      if (!isParameter(values.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a literal becomes an argument: scalar and neither NULL nor a boolean. */
  static boolean isParameter(Value v) {
    return !(v instanceof Value.Null || v instanceof Value.Bool || v instanceof Value.Record
        || v instanceof Value.ListValue);
  }
}
