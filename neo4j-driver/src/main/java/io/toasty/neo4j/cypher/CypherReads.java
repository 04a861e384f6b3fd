package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.neo4j.cypher.CypherWalk.Scope;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Nullability;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.RowLock;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A query ({@code MATCH .. RETURN}) and the clauses that shape what a statement returns: the
 * projection, grouping by a {@code WITH} with SQL's aggregates, {@code ORDER BY} with SQL's
 * place for NULLs, {@code SKIP} and {@code LIMIT}.
 */
final class CypherReads {
  private final CypherWalk walk;
  private final StringBuilder out;

  CypherReads(CypherWalk walk) {
    this.walk = walk;
    this.out = walk.out();
  }

  void query(Query q) {
    refuseUnlockable(q.lock());
    Scope scope = walk.match(q.source(), q.filter());
    if (q.lock() != null) {
      // Every matched node locked, then the filter tested again on what is committed now, as
      // SQL's FOR UPDATE does in read committed; WITH * keeps the patterns' variables bound.
      CypherLocks.lock(out, scope.variable(), "*");
      if (!walk.isTrue(q.filter())) {
        walk.where(q.filter());
      }
    }
    // The anchored patterns' end nodes stay bound: RETURN and ORDER BY read the keys there.
    walk.computed().putAll(walk.anchoredLast());
    if (q.limit() != null && !q.limit().partitionBy().isEmpty()) {
      new CypherPartitionLimit(walk, this).rest(q);
      walk.close(scope);
      return;
    }
    if (q.returning() instanceof Returning.Grouped g) {
      grouped(g);
    } else if (q.returning() instanceof Returning.Count) {
      out.append(" RETURN count(*) AS c0");
      walk.types(List.of(Type.Scalar.I64));
    } else {
      out.append(" RETURN ");
      projection(q.returning());
    }
    orderBy(q.orderBy());
    limit(q.limit());
    walk.close(scope);
  }

  /**
   * Refuses what a write lock cannot be: a shared lock, or one that does not wait (the planner
   * refuses both first, from the capability; this keeps the renderer honest on its own).
   */
  private static void refuseUnlockable(@Nullable RowLock lock) {
    if (lock == null) {
      return;
    }
    if (lock.mode() == RowLock.Mode.SHARE) {
      throw new UnsupportedFeatureException(Feature.SHARED_ROW_LOCKS, CypherWalk.BACKEND,
          "Cypher locks a node by writing to it, which is exclusive");
    }
    if (lock.onLocked() != RowLock.OnLocked.WAIT) {
      throw new UnsupportedFeatureException(Feature.LOCK_WAIT_POLICY, CypherWalk.BACKEND,
          "Cypher locks a node by writing to it, which waits for the lock");
    }
  }

  /** {@code RETURN count(*)} or the projection; whether rows come back. */
  boolean returning(Returning returning) {
    out.append(" RETURN ");
    if (returning instanceof Returning.Count) {
      out.append("count(*)");
      return false;
    }
    projection(returning);
    return true;
  }

  private void projection(Returning returning) {
    if (!(returning instanceof Returning.Project p)) {
      throw new UnsupportedFeatureException(Feature.RETURNING_SHAPE, CypherWalk.BACKEND,
          "a table-level statement returns columns, not " + returning);
    }
    if (p.exprs().isEmpty()) {
      out.append("1 AS c0");
      return;
    }
    for (int i = 0; i < p.exprs().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      walk.expr(p.exprs().get(i));
      out.append(" AS c").append(i);
    }
  }

  /**
   * Group keys and aggregates computed by a {@code WITH} (Cypher groups by the non-aggregate
   * items), the having as its {@code WHERE}, then the returned expressions over those aliases.
   */
  private void grouped(Returning.Grouped g) {
    List<ExprNode.Aggregate> aggregates = new ArrayList<>();
    g.exprs().forEach(e -> collectAggregates(e, aggregates));
    collectAggregates(g.having(), aggregates);
    // Cypher groups only beside an aggregate: without one, DISTINCT keeps each group once.
    out.append(aggregates.isEmpty() && !g.groupBy().isEmpty() ? " WITH DISTINCT " : " WITH ");
    int items = 0;
    for (int i = 0; i < g.groupBy().size(); i++) {
      if (items++ > 0) {
        out.append(", ");
      }
      walk.expr(g.groupBy().get(i));
      out.append(" AS g").append(i);
    }
    for (int i = 0; i < aggregates.size(); i++) {
      if (items++ > 0) {
        out.append(", ");
      }
      aggregate(aggregates.get(i));
      out.append(" AS a").append(i);
    }
    if (items == 0) {
      out.append("count(*) AS a0");
    }
    for (int i = 0; i < g.groupBy().size(); i++) {
      walk.computed().put(g.groupBy().get(i), "g" + i);
    }
    for (int i = 0; i < aggregates.size(); i++) {
      walk.computed().put(aggregates.get(i), "a" + i);
    }
    if (!walk.isTrue(g.having())) {
      out.append(" WHERE ");
      walk.expr(g.having());
    }
    List<Type> derived = new ArrayList<>();
    for (ExprNode e : g.exprs()) {
      derived.add(typeOf(e));
    }
    walk.types(derived);
    out.append(g.distinct() ? " RETURN DISTINCT " : " RETURN ");
    for (int i = 0; i < g.exprs().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      walk.expr(g.exprs().get(i));
      out.append(" AS c").append(i);
    }
    if (g.distinct()) {
      // After RETURN DISTINCT only the returned columns are in scope for ORDER BY.
      for (int i = 0; i < g.exprs().size(); i++) {
        walk.computed().put(g.exprs().get(i), "c" + i);
      }
    }
  }

  private static void collectAggregates(ExprNode e, List<ExprNode.Aggregate> into) {
    if (e instanceof ExprNode.Aggregate a) {
      if (!into.contains(a)) {
        into.add(a);
      }
      return;
    }
    for (ExprNode child : Operands.of(e)) {
      collectAggregates(child, into);
    }
  }

  /** SQL's aggregates: NULLs skipped; SUM of nothing is NULL (Cypher's sum says 0). */
  void aggregate(ExprNode.Aggregate a) {
    String distinct = a.distinct() ? "DISTINCT " : "";
    switch (a.op()) {
      case COUNT_ALL -> out.append("count(*)");
      case COUNT -> call("count", distinct, a.operand());
      case SUM, SUM_DOUBLE -> {
        out.append("CASE WHEN count(");
        walk.expr(a.operand());
        out.append(") = 0 THEN null ELSE ");
        call("sum", distinct, a.operand());
        out.append(" END");
      }
      case AVG -> {
        // The sum over the count, as SQL computes it: Cypher's avg() accumulates a running mean
        // whose rounding differs (7.500000000000001 for 7.5).
        out.append("CASE WHEN count(").append(distinct);
        walk.expr(a.operand());
        out.append(") = 0 THEN null ELSE toFloat(");
        call("sum", distinct, a.operand());
        out.append(") / count(").append(distinct);
        walk.expr(a.operand());
        out.append(") END");
      }
      case MIN -> call("min", distinct, a.operand());
      case MAX -> call("max", distinct, a.operand());
      case SUM_DECIMAL, AVG_DECIMAL -> throw new UnsupportedFeatureException(
          Feature.IN_MEMORY_EVALUATION, CypherWalk.BACKEND,
          "exact decimal sums and averages: Neo4j has no decimal type");
    }
  }

  private void call(String fn, String distinct, ExprNode operand) {
    out.append(fn).append('(').append(distinct);
    walk.expr(operand);
    out.append(')');
  }

  void orderBy(List<OrderBy> orderBy) {
    if (orderBy.isEmpty()) {
      return;
    }
    out.append(" ORDER BY ");
    for (int i = 0; i < orderBy.size(); i++) {
      OrderBy term = orderBy.get(i);
      if (i > 0) {
        out.append(", ");
      }
      boolean ascending = term.direction() == OrderBy.Direction.ASC;
      if (Nullability.mayBeNull(walk.schema(), term.expr())) {
        // Cypher sorts NULL above every value; the library's rule on every backend is NULLs
        // first ascending and last descending, so the NULL test sorts first (true > false).
        out.append('(');
        walk.expr(term.expr());
        out.append(ascending ? " IS NULL) DESC, " : " IS NULL) ASC, ");
      }
      walk.expr(term.expr());
      out.append(ascending ? " ASC" : " DESC");
    }
  }

  void limit(@Nullable Limit limit) {
    if (limit == null) {
      return;
    }
    if (limit.offset() != null) {
      out.append(" SKIP ");
      rowCount(limit.offset());
    }
    out.append(" LIMIT ");
    rowCount(limit.count());
  }

  /** A SKIP or LIMIT value, as a parameter of {@link Param.Form#ROW_COUNT}. */
  void rowCount(ExprNode e) {
    if (e instanceof ExprNode.Arg a) {
      walk.param(new Param.Arg(a.index(), Param.Form.ROW_COUNT));
    } else if (e instanceof ExprNode.Const c) {
      walk.param(new Param.Const(c.value(), Param.Form.ROW_COUNT));
    } else {
      walk.expr(e);
    }
  }

  /** The type an expression of a grouped query evaluates to (NULL: as the driver returns it). */
  Type typeOf(ExprNode e) {
    if (e instanceof ExprNode.Column c) {
      return walk.schema().table(c.table()).column(c.index()).type();
    }
    if (e instanceof ExprNode.Aggregate a) {
      return switch (a.op()) {
        case COUNT_ALL, COUNT, SUM -> Type.Scalar.I64;
        case SUM_DOUBLE, AVG -> Type.Scalar.F64;
        case SUM_DECIMAL, AVG_DECIMAL -> Type.Scalar.DECIMAL;
        case MIN, MAX -> typeOf(a.operand());
      };
    }
    if (e instanceof ExprNode.Func f) {
      return f.op() == ExprNode.FuncOp.LENGTH ? Type.Scalar.I64 : Type.Scalar.STRING;
    }
    return Type.Scalar.NULL;
  }
}
