package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.column;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.db.TableSchema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT of one or more rows (or of defaults only), with its conflict clause and the columns it
 * returns, planning the echo of sent values where the dialect returns only generated ones.
 */
final class InsertSql {
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;
  private final UpsertSql upsertSql;

  InsertSql(SqlContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
    this.upsertSql = new UpsertSql(ctx);
  }

  boolean insert(InsertNode insert) {
    TableSchema table = ctx.table(insert.target());
    if (insert.rows().isEmpty()) {
      throw new IllegalArgumentException("an insert into " + table.name() + " has no rows");
    }
    if (insert.onConflict() != null && dialect.upsertSyntax() == SqlDialect.UpsertSyntax.MERGE) {
      return upsertSql.merge(table, insert);
    }
    // With no columns every row takes its defaults: name the first column and write DEFAULT.
    boolean defaultsOnly = insert.columns().isEmpty();
    List<Integer> columns = defaultsOnly ? List.of(0) : insert.columns();
    out.append("INSERT INTO ");
    ctx.ident(table.name());
    out.append(" (");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      ctx.ident(column(table, columns.get(i)));
    }
    out.append(") VALUES ");
    // per row and column, the marker that binds the value sent (-1: not one bound value)
    int[][] sent = !defaultsOnly && InsertEcho.applies(insert, dialect)
        ? new int[insert.rows().size()][columns.size()] : null;
    for (int r = 0; r < insert.rows().size(); r++) {
      ExprNode.Record row = insert.rows().get(r);
      if (r > 0) {
        out.append(", ");
      }
      out.append('(');
      if (defaultsOnly) {
        if (!row.fields().isEmpty()) {
          throw new IllegalArgumentException("insert row " + r + " into " + table.name()
              + " has values but the insert names no columns");
        }
        out.append(switch (dialect.defaultRow()) {
          case DEFAULT_KEYWORD -> "DEFAULT";
          case NULL_ASSIGNS_IDENTITY -> "NULL";
        });
      } else {
        if (row.fields().size() != columns.size()) {
          throw new IllegalArgumentException("insert row " + r + " into " + table.name()
              + " has " + row.fields().size() + " values for " + columns.size() + " columns");
        }
        for (int i = 0; i < columns.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          int before = ctx.markers();
          ExprNode value = row.fields().get(i);
          ctx.expr(value, table.column(columns.get(i)).type());
          if (sent != null) {
            sent[r][i] = ctx.markers() == before + 1 && (value instanceof ExprNode.Arg
                || value instanceof ExprNode.Const c && !c.value().isNull()) ? before : -1;
          }
        }
      }
      out.append(')');
    }
    if (insert.onConflict() != null) {
      upsertSql.conflict(table, insert.onConflict());
    }
    List<Integer> returned = InsertReturned.columns(table, insert.returning());
    if (returned == null) {
      return false;
    }
    List<Type> resultTypes = new ArrayList<>(returned.size());
    returned.forEach(c -> resultTypes.add(table.column(c).type()));
    if (sent != null) {
      InsertEcho echo = InsertEcho.plan(table, columns, returned, sent, dialect);
      ctx.echo(echo);
      if (echo != null) {
        returned = echo.returnedColumns(returned);
      }
    }
    if (insert.onConflict() != null
        && dialect.insertReturning() == SqlDialect.InsertReturning.GENERATED_VALUES) {
      throw new UnsupportedFeatureException(Feature.RETURNING_FROM_MUTATION, dialect.backend(),
          "an upsert returning the stored rows needs INSERT ... RETURNING");
    }
    List<String> names = new ArrayList<>(returned.size());
    for (int index : returned) {
      names.add(column(table, index));
    }
    ctx.returnTypes(resultTypes);
    switch (dialect.insertReturning()) {
      case GENERATED_VALUES -> ctx.generatedColumns(names);
      case RETURNING_CLAUSE -> {
        out.append(" RETURNING ");
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          ctx.ident(names.get(i));
        }
      }
    }
    return true;
  }
}
