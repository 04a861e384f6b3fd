package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.column;
import static io.toasty.sql.render.ExprTypes.unwrapSingleton;

import io.toasty.schema.db.TableSchema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A SELECT, top-level or a subquery: its source table with an inner join, an IN list joined as
 * an unnested array, or a limit per partition as a numbered derived table.
 */
final class SelectSql {
  /** The column of a per-partition limit's row numbers, in its derived table. */
  private static final String ROW_NUMBER = "toasty_row_number";
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;
  private final ClauseSql clauseSql;

  SelectSql(SqlContext ctx, ClauseSql clauseSql) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
    this.clauseSql = clauseSql;
  }

  void query(Query q, boolean top) {
    TableSchema table = ctx.table(q.source());
    Source.Join join = ((Source.Table) q.source()).join();
    // A subquery on a table an enclosing statement reads (a self relation's count) renames its
    // own, so that the table's name, qualifying an ExprNode.Outer, names the outermost row; its
    // own columns are written unqualified, and SQL resolves those to the innermost table.
    boolean renamed = !top && join == null && ctx.inScope(table.name());
    int depth = ctx.depth();
    // A joined query qualifies every column: both tables may have columns of the same name.
    ctx.pushScope(join == null ? table.name() : "");
    out.append("SELECT ");
    List<Type> types = clauseSql.projection(q.returning());
    if (top) {
      ctx.returnTypes(types);
    }
    out.append(" FROM ");
    boolean perPartition = q.limit() != null && !q.limit().partitionBy().isEmpty();
    ExprNode.InList joined = top && !perPartition ? joinedList(q.filter()) : null;
    if (perPartition) {
      numberedRows(table, q);
    } else if (joined == null) {
      ctx.ident(table.name());
      if (renamed) {
        out.append(" AS ");
        ctx.ident("toasty_" + depth);
      }
      if (join != null) {
        innerJoin(table, join);
      }
      clauseSql.where(q.filter());
    } else {
      unnestJoin(table, joined);
      clauseSql.where(without(q.filter(), joined));
    }
    if (q.returning() instanceof Returning.Grouped g) {
      clauseSql.groupBy(g);
    }
    clauseSql.orderBy(q.orderBy());
    if (!perPartition) {
      clauseSql.limit(q.limit());
    }
    if (top && q.lock() != null) {
      clauseSql.lock(q.lock());
    }
    ctx.popScope();
  }

  /**
   * A limit per partition (an include's limit per parent): the table's rows numbered within each
   * partition in the query's order, as a derived table named like the table (so the columns
   * outside read as usual), kept from {@code offset + 1} to {@code offset + count}:
   * {@code (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY .. ORDER BY ..) AS rn FROM t WHERE ..) t
   * WHERE rn > offset AND rn - offset <= count}.
   */
  private void numberedRows(TableSchema table, Query q) {
    Limit limit = Objects.requireNonNull(q.limit(), "a limit per partition");
    out.append("(SELECT ");
    ctx.ident(table.name());
    out.append(".*, ROW_NUMBER() OVER (PARTITION BY ");
    for (int i = 0; i < limit.partitionBy().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      ctx.expr(limit.partitionBy().get(i), null);
    }
    clauseSql.orderBy(q.orderBy());
    out.append(") AS ");
    ctx.ident(ROW_NUMBER);
    out.append(" FROM ");
    ctx.ident(table.name());
    clauseSql.where(q.filter());
    out.append(") ");
    ctx.ident(table.name());
    out.append(" WHERE ");
    ctx.ident(ROW_NUMBER);
    if (limit.offset() != null) {
      out.append(" > ");
      ctx.expr(limit.offset(), Type.Scalar.I64);
      out.append(" AND ");
      ctx.ident(ROW_NUMBER);
      out.append(" - ");
      ctx.expr(limit.offset(), Type.Scalar.I64);
    }
    out.append(" <= ");
    ctx.expr(limit.count(), Type.Scalar.I64);
  }

  /** The IN list among the top-level conditions of {@code filter} to render as a join, or null. */
  private ExprNode.@Nullable InList joinedList(ExprNode filter) {
    if (dialect.inListBinding() != SqlDialect.InListBinding.UNNEST_JOIN) {
      return null;
    }
    ExprNode f = unwrapSingleton(filter);
    for (ExprNode term : f instanceof ExprNode.And and ? and.operands() : List.of(f)) {
      if (term instanceof ExprNode.InList in
          && unwrapSingleton(in.operand()) instanceof ExprNode.Column c
          && c.table().equals(ctx.scope())
          && ArrayBinding.arrayBindable(dialect, ctx.typeOf(c), in.items())) {
        return in;
      }
    }
    return null;
  }

  /** {@code INNER JOIN joined ON joined.c = table.c AND ...}. */
  private void innerJoin(TableSchema table, Source.Join join) {
    TableSchema joined = ctx.schema().table(join.table());
    out.append(" INNER JOIN ");
    ctx.ident(joined.name());
    out.append(" ON ");
    for (int i = 0; i < join.columns().size(); i++) {
      out.append(i > 0 ? " AND " : "");
      ctx.ident(joined.name());
      out.append('.');
      ctx.ident(column(joined, join.columns().get(i)));
      out.append(" = ");
      ctx.ident(table.name());
      out.append('.');
      ctx.ident(column(table, join.on().get(i)));
    }
  }

  /** {@code UNNEST(?) AS "toasty_keys"("key") JOIN table ON table.column = "toasty_keys"."key"}. */
  private void unnestJoin(TableSchema table, ExprNode.InList in) {
    ExprNode.Column column = (ExprNode.Column) unwrapSingleton(in.operand());
    String key = "key";
    for (int n = 1; hasColumn(table, key); n++) {
      key = "key_" + n;
    }
    out.append("UNNEST(");
    ctx.marker(-1, null, ctx.typeOf(column), null,
        new RenderedSql.ArrayMarker(ArrayBinding.argIndexes(in.items()), true));
    out.append(") AS ");
    ctx.ident("toasty_keys");
    out.append('(');
    ctx.ident(key);
    out.append(") JOIN ");
    ctx.ident(table.name());
    out.append(" ON ");
    ctx.ident(table.name());
    out.append('.');
    ctx.ident(column(table, column.index()));
    out.append(" = ");
    ctx.ident("toasty_keys");
    out.append('.');
    ctx.ident(key);
  }

  private static boolean hasColumn(TableSchema table, String name) {
    return table.columns().stream().anyMatch(c -> c.name().equals(name));
  }

  /** {@code filter} without the top-level condition {@code term}. */
  private static ExprNode without(ExprNode filter, ExprNode term) {
    ExprNode f = unwrapSingleton(filter);
    if (!(f instanceof ExprNode.And and)) {
      return ExprNode.TRUE;
    }
    List<ExprNode> rest = new ArrayList<>(and.operands());
    rest.remove(term);
    return rest.size() == 1 ? rest.get(0) : new ExprNode.And(rest);
  }
}
