package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.column;

import io.toasty.schema.db.TableSchema;
import io.toasty.sql.ddl.DdlSyntax;
import io.toasty.sql.ddl.LiveRows;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OnConflict;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An upsert's conflict handling: {@code ON CONFLICT}/{@code ON DUPLICATE KEY} after the VALUES
 * rows, or the whole statement as a MERGE where the dialect has no other.
 */
final class UpsertSql {
  /** The alias of the proposed rows in a MERGE. */
  private static final String PROPOSED = "toasty_proposed";
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;

  UpsertSql(SqlContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
  }

  private String quoted(String name) {
    StringBuilder quoted = new StringBuilder();
    dialect.quoteIdentifier(quoted, name);
    return quoted.toString();
  }

  /** An upsert's conflict clause after the VALUES rows. */
  void conflict(TableSchema table, OnConflict c) {
    switch (dialect.upsertSyntax()) {
      case ON_CONFLICT -> {
        out.append(" ON CONFLICT (");
        columnList(table, c.target(), "");
        out.append(')');
        LiveRows live = LiveRows.of(ctx.schema(), table, c.target());
        if (live != null) {
          // the partial index of live rows is named by its predicate too (schema push)
          out.append(" WHERE ").append(live.predicate(this::quoted, DdlSyntax.of(dialect)));
        }
        out.append(" DO UPDATE SET ");
        conflictSet(table, c, "EXCLUDED.", "");
      }
      case ON_DUPLICATE_KEY -> {
        out.append(" ON DUPLICATE KEY UPDATE ");
        conflictSet(table, c, "VALUES(", ")");
      }
      case MERGE -> throw new IllegalStateException("MERGE is written by merge()");
    }
  }

  /**
   * {@code SELECT cols FROM FINAL TABLE (MERGE INTO t USING (VALUES ...) AS p (cols) ON t.k = p.k
   * WHEN MATCHED THEN UPDATE SET ... WHEN NOT MATCHED THEN INSERT (cols) VALUES (p.cols))}.
   */
  boolean merge(TableSchema table, InsertNode insert) {
    if (insert.columns().isEmpty()) {
      throw new IllegalArgumentException("an upsert into " + table.name() + " names no columns");
    }
    List<Integer> returned = InsertReturned.columns(table, insert.returning());
    if (returned == null) {
      throw new IllegalArgumentException("an upsert into " + table.name() + " returns rows");
    }
    out.append("SELECT ");
    columnList(table, returned, "");
    List<Type> types = new ArrayList<>(returned.size());
    returned.forEach(c -> types.add(table.column(c).type()));
    ctx.returnTypes(types);
    out.append(" FROM FINAL TABLE (MERGE INTO ");
    ctx.ident(table.name());
    out.append(" USING (VALUES ");
    for (int r = 0; r < insert.rows().size(); r++) {
      out.append(r > 0 ? ", (" : "(");
      ExprNode.Record row = insert.rows().get(r);
      for (int i = 0; i < insert.columns().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        ctx.expr(row.fields().get(i), table.column(insert.columns().get(i)).type());
      }
      out.append(')');
    }
    out.append(") AS ").append(PROPOSED).append(" (");
    columnList(table, insert.columns(), "");
    out.append(") ON ");
    OnConflict conflict = Objects.requireNonNull(insert.onConflict(), "an upsert");
    for (int i = 0; i < conflict.target().size(); i++) {
      String name = column(table, conflict.target().get(i));
      out.append(i > 0 ? " AND " : "");
      ctx.ident(table.name());
      out.append('.');
      ctx.ident(name);
      out.append(" = ").append(PROPOSED).append('.');
      ctx.ident(name);
    }
    LiveRows live = LiveRows.of(ctx.schema(), table, conflict.target());
    if (live != null) {
      // a unique index of live rows (LiveRows.COLUMN) matches the live stored row only
      out.append(" AND ").append(live.predicate(n -> quoted(table.name()) + "." + quoted(n),
          DdlSyntax.of(dialect)));
    }
    out.append(" WHEN MATCHED THEN UPDATE SET ");
    conflictSet(table, conflict, PROPOSED + ".", "");
    out.append(" WHEN NOT MATCHED THEN INSERT (");
    columnList(table, insert.columns(), "");
    out.append(") VALUES (");
    columnList(table, insert.columns(), PROPOSED + ".");
    out.append("))");
    return true;
  }

  /**
   * The update path's SET list: copied columns from the proposed row ({@code open} col
   * {@code close}), then the expressions, whose column references name the stored row; with
   * nothing to set, the first target column to itself, so the stored row is still returned.
   */
  private void conflictSet(TableSchema table, OnConflict c, String open, String close) {
    ctx.pushScope(""); // no table is "in scope": every column reference is qualified
    int n = 0;
    if (c.keepsStored()) {
      String name = column(table, c.target().get(0));
      ctx.ident(name);
      out.append(" = ");
      ctx.ident(table.name());
      out.append('.');
      ctx.ident(name);
    }
    for (int col : c.copied()) {
      out.append(n++ > 0 ? ", " : "");
      ctx.ident(column(table, col));
      out.append(" = ").append(open);
      ctx.ident(column(table, col));
      out.append(close);
    }
    for (Assignment a : c.assignments()) {
      out.append(n++ > 0 ? ", " : "");
      ctx.ident(column(table, a.target()));
      out.append(" = ");
      ctx.expr(a.value(), table.column(a.target()).type());
    }
    ctx.popScope();
  }

  private void columnList(TableSchema table, List<Integer> columns, String prefix) {
    for (int i = 0; i < columns.size(); i++) {
      out.append(i > 0 ? ", " : "").append(prefix);
      ctx.ident(column(table, columns.get(i)));
    }
  }
}
