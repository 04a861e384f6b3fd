package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.column;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.db.TableSchema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.UpdateNode;

/**
 * UPDATE and DELETE, wrapped as the dialect returns rows when a projection is asked (a data
 * change delta table or a RETURNING clause).
 */
final class MutationSql {
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;
  private final ClauseSql clauseSql;

  MutationSql(SqlContext ctx, ClauseSql clauseSql) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
    this.clauseSql = clauseSql;
  }

  boolean update(UpdateNode u) {
    TableSchema table = ctx.table(u.target());
    if (u.assignments().isEmpty()) {
      throw new IllegalArgumentException("an update of " + table.name() + " assigns nothing");
    }
    return mutation(table, u.returning(), "UPDATE", dialect.mutationReturning(), "FINAL", () -> {
      out.append("UPDATE ");
      ctx.ident(table.name());
      out.append(" SET ");
      ctx.pushScope(table.name());
      for (int i = 0; i < u.assignments().size(); i++) {
        Assignment a = u.assignments().get(i);
        if (i > 0) {
          out.append(", ");
        }
        ctx.ident(column(table, a.target()));
        out.append(" = ");
        ctx.expr(a.value(), table.column(a.target()).type());
      }
      clauseSql.where(u.filter());
      ctx.popScope();
    });
  }

  boolean delete(DeleteNode d) {
    TableSchema table = ctx.table(d.from());
    return mutation(table, d.returning(), "DELETE", dialect.deleteReturning(), "OLD", () -> {
      out.append("DELETE FROM ");
      ctx.ident(table.name());
      ctx.pushScope(table.name());
      clauseSql.where(d.filter());
      ctx.popScope();
    });
  }

  /** An UPDATE or DELETE body, wrapped as the dialect returns rows when a projection is asked. */
  private boolean mutation(TableSchema table, Returning returning, String verb,
      SqlDialect.MutationReturning how, String deltaTable, Runnable body) {
    if (returning instanceof Returning.Count) {
      body.run();
      return false;
    }
    if (!(returning instanceof Returning.Project project)) {
      throw new IllegalArgumentException("a table-level " + verb + " returns Count or Project, not "
          + returning);
    }
    switch (how) {
      case DATA_CHANGE_DELTA_TABLE -> {
        out.append("SELECT ");
        ctx.pushScope(table.name());
        ctx.returnTypes(clauseSql.projection(project));
        ctx.popScope();
        out.append(" FROM ").append(deltaTable).append(" TABLE (");
        body.run();
        out.append(')');
      }
      case RETURNING_CLAUSE -> {
        body.run();
        out.append(" RETURNING ");
        ctx.pushScope(table.name());
        ctx.returnTypes(clauseSql.projection(project));
        ctx.popScope();
      }
      case NONE -> throw new UnsupportedFeatureException(Feature.RETURNING_FROM_MUTATION,
          dialect.backend(), verb + " returning rows: read the rows again after the " + verb);
    }
    return true;
  }
}
