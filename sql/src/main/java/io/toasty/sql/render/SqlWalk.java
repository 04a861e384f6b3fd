package io.toasty.sql.render;

import io.toasty.schema.Schema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;

/**
 * One rendering of one table-level statement: appends SQL text and records each bind marker (its
 * argument and expected type) in the same step, so text and parameters cannot drift apart. The
 * statement kinds are written by {@link SelectSql}, {@link MutationSql} and {@link InsertSql},
 * the clauses by {@link ClauseSql}, the expressions by {@link ExprSql}; all of them write into
 * one {@link SqlContext}.
 */
final class SqlWalk {
  private final SqlContext ctx;
  private final SelectSql selects;
  private final MutationSql mutations;
  private final InsertSql inserts;

  SqlWalk(SqlDialect dialect, Schema schema) {
    this.ctx = new SqlContext(dialect, schema);
    ClauseSql clauses = new ClauseSql(ctx);
    this.selects = new SelectSql(ctx, clauses);
    this.mutations = new MutationSql(ctx, clauses);
    this.inserts = new InsertSql(ctx);
    ctx.writeExprsWith(new ExprSql(ctx, selects));
  }

  /** A table-level path query ({@link PathSql}). */
  RenderedSql render(PathNode path) {
    new PathSql(ctx).path(path);
    return ctx.rendered(true);
  }

  RenderedSql render(StatementNode statement) {
    boolean rows;
    if (statement instanceof Query q) {
      selects.query(q, true);
      rows = true;
    } else if (statement instanceof UpdateNode u) {
      rows = mutations.update(u);
    } else if (statement instanceof DeleteNode d) {
      rows = mutations.delete(d);
    } else {
      rows = inserts.insert((InsertNode) statement);
    }
    return ctx.rendered(rows);
  }
}
