package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.isTrue;
import static io.toasty.sql.render.ExprTypes.unwrapSingleton;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Nullability;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Returning;
import io.toasty.stmt.RowLock;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The clauses around a statement's rows: the select list, WHERE, GROUP BY/HAVING, ORDER BY,
 * the limit and the row lock, each in the dialect's spelling.
 */
final class ClauseSql {
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;

  ClauseSql(SqlContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
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
      ctx.expr(term.expr(), null);
      boolean ascending = term.direction() == OrderBy.Direction.ASC;
      out.append(ascending ? " ASC" : " DESC");
      switch (dialect.nullOrder()) {
        case LOWEST -> { }
        case HIGHEST -> out.append(!Nullability.mayBeNull(ctx.schema(), term.expr()) ? ""
            : ascending ? " NULLS FIRST" : " NULLS LAST");
      }
    }
  }

  void lock(RowLock lock) {
    boolean share = lock.mode() == RowLock.Mode.SHARE;
    switch (dialect.rowLockSyntax()) {
      case SERIALIZED_TRANSACTIONS -> {
        return;
      }
      case FOR_UPDATE_FOR_SHARE -> out.append(share ? " FOR SHARE" : " FOR UPDATE");
      case LOCK_IN_SHARE_MODE -> out.append(share ? " LOCK IN SHARE MODE" : " FOR UPDATE");
      case FOR_UPDATE_ONLY -> {
        if (share) {
          throw new UnsupportedFeatureException(Feature.SHARED_ROW_LOCKS, dialect.backend(),
              "FOR SHARE");
        }
        out.append(" FOR UPDATE");
      }
    }
    switch (lock.onLocked()) {
      case WAIT -> { }
      case NOWAIT -> out.append(" NOWAIT");
      case SKIP_LOCKED -> out.append(" SKIP LOCKED");
    }
  }

  void groupBy(Returning.Grouped g) {
    if (!g.groupBy().isEmpty()) {
      out.append(" GROUP BY ");
      for (int i = 0; i < g.groupBy().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        ctx.expr(g.groupBy().get(i), null);
      }
    }
    if (!isTrue(g.having())) {
      out.append(" HAVING ");
      ctx.expr(g.having(), Type.Scalar.BOOL);
    }
  }

  /** Writes the select list; returns the type of each returned column (NULL where unknown). */
  List<Type> projection(Returning returning) {
    if (returning instanceof Returning.Count) {
      out.append("COUNT(*)");
      return List.of(Type.Scalar.I64);
    }
    if (returning instanceof Returning.Grouped g) {
      if (g.distinct()) {
        out.append("DISTINCT ");
      }
      return projection(new Returning.Project(g.exprs()));
    }
    if (!(returning instanceof Returning.Project project) || project.exprs().isEmpty()) {
      throw new IllegalArgumentException("a table-level select returns a non-empty Project or "
          + "Count, not " + returning);
    }
    List<Type> types = new ArrayList<>(project.exprs().size());
    for (int i = 0; i < project.exprs().size(); i++) {
      ExprNode e = project.exprs().get(i);
      if (i > 0) {
        out.append(", ");
      }
      ctx.expr(e, null);
      Type t = ctx.typeOf(e);
      types.add(t == null ? Type.Scalar.NULL : t);
    }
    return types;
  }

  void where(ExprNode filter) {
    ExprNode f = unwrapSingleton(filter);
    if (isTrue(f)) {
      return;
    }
    out.append(" WHERE ");
    ctx.expr(f, Type.Scalar.BOOL);
  }

  void limit(@Nullable Limit limit) {
    if (limit == null) {
      return;
    }
    switch (dialect.limitSyntax()) {
      case LIMIT_OFFSET -> {
        out.append(" LIMIT ");
        rows(limit.count());
        if (limit.offset() != null) {
          out.append(" OFFSET ");
          rows(limit.offset());
        }
      }
      case OFFSET_FETCH -> {
        if (limit.offset() != null) {
          out.append(" OFFSET ");
          rows(limit.offset());
          out.append(" ROWS FETCH NEXT ");
        } else {
          out.append(" FETCH FIRST ");
        }
        rows(limit.count());
        out.append(" ROWS ONLY");
      }
    }
  }

  /**
   * A count of rows: its number where the statement holds it, else its marker. The planner makes
   * an application's limits parameters, so a number here is one the engine or a driver chose (a
   * first page, a guard): few of them, and written out so that the database plans for it. A
   * PostgreSQL generic plan assumes that {@code LIMIT $1} keeps a tenth of the rows, and so read
   * {@code team = ANY($1) LIMIT $2} of 800 rows by a sequential scan of the table, ten times the
   * time of the index scan it chose for {@code LIMIT 1025} (docs/design/performance.md, "A
   * first page's limit").
   */
  private void rows(ExprNode count) {
    if (count instanceof ExprNode.Const k && k.value() instanceof Value.I64 n && n.value() >= 0) {
      out.append(n.value());
    } else {
      ctx.expr(count, Type.Scalar.I64);
    }
  }
}
