package io.toasty.planner.cache;

import io.toasty.planner.expr.Children;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Delete;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Include;
import io.toasty.stmt.Insert;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OnConflict;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Statement;
import io.toasty.stmt.Update;
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
  private final UnaryOperator<Expr> exprs = this::expr;
  private final UnaryOperator<Query> queries = this::query;

  private Parameterize() {}

  /** The shape of {@code s} and the values taken out of it. */
  public static Shape of(Statement s) {
    Parameterize p = new Parameterize();
    Statement shape = p.statement(s);
    return new Shape(shape, p.args);
  }

  private Statement statement(Statement s) {
    if (s instanceof Query q) {
      return query(q);
    } else if (s instanceof Insert i) {
      List<Expr.Record> rows = Children.list(i.rows(), exprs);
      Returning returning = returning(i.returning());
      return new Insert(i.target(), i.columns(), rows, returning, i.onConflict() == null ? null
          : new OnConflict(i.onConflict().target(), i.onConflict().copied(),
              assignments(i.onConflict().assignments())), i.atomic());
    } else if (s instanceof Update u) {
      return new Update(u.target(), expr(u.filter()), assignments(u.assignments()),
          u.returning());
    }
    Delete d = (Delete) s;
    return new Delete(d.from(), expr(d.filter()), d.returning());
  }

  private Query query(Query q) {
    Expr filter = expr(q.filter());
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
    return new Query(q.source(), filter, returning, orderBy, limit, q.lock(), q.eventual());
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
      List<Include> includes = new ArrayList<>(m.includes().size());
      for (Include i : m.includes()) {
        includes.add(new Include(i.relation(), query(i.scope())));
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

  private Expr expr(Expr e) {
    if (e instanceof Expr.Const c && isParameter(c.value())) {
      args.add(c.value());
      return new Expr.Arg(args.size() - 1);
    }
    if (e instanceof Expr.Stmt nested) {
      return new Expr.Stmt(statement(nested.statement()));
    }
    if (e instanceof Expr.Arg) {
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
