package io.toasty.sql.render;

import static io.toasty.sql.render.ExprTypes.unwrapSingleton;

import io.toasty.schema.db.TableSchema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.PathNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A table-level {@link PathNode} as one recursive CTE: the start rows' keys at depth 0, then
 * each step joins the edge table to the rows reached so far while the depth is below the bound
 * and the next key is not among the path's visited keys ({@link PathCycles}); the outer SELECT
 * joins the keys reached back to the table.
 *
 * <pre>{@code
 * WITH RECURSIVE "toasty_path"("k0", "toasty_depth", "toasty_visited") AS (
 *   SELECT "persons"."id", 0, '/' || CAST("persons"."id" AS TEXT) || '/' FROM "persons"
 *   WHERE <start>
 *   UNION ALL
 *   SELECT "follows"."followee", "toasty_path"."toasty_depth" + 1, <visited> || <next> || '/'
 *   FROM "toasty_path" JOIN "follows" ON "follows"."follower" = "toasty_path"."k0"
 *   WHERE "toasty_path"."toasty_depth" < 3 AND <next not visited> AND <links>)
 * SELECT "persons".*, "toasty_path"."toasty_depth" FROM "toasty_path"
 * JOIN "persons" ON "persons"."id" = "toasty_path"."k0"
 * WHERE "toasty_path"."toasty_depth" >= 1 AND <reached> ORDER BY "toasty_path"."toasty_depth"
 * }</pre>
 *
 * <p>Where only some rows may be on a path ({@code nodes}: the live rows of a soft-deleted
 * table), the start rows must be among them and each step's next key in them.
 *
 * <p>{@code DISTINCT} groups the reached keys to their least depth first; {@code SHORTEST}
 * keeps the first row by depth. The bounds are part of the text (they are the statement's
 * shape); filter values are bind markers as everywhere.
 */
final class PathSql {
  private static final String CTE = "toasty_path";
  private static final String DEPTH = "toasty_depth";
  private static final String VISITED = "toasty_visited";

  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;
  private final PathCycles cycles;

  PathSql(SqlContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
    this.cycles = PathCycles.of(dialect);
  }

  void path(PathNode path) {
    if (!(path.hop() instanceof PathNode.Hop.Edge edge)) {
      throw new IllegalArgumentException("model-level path reached the SQL driver: " + path);
    }
    TableSchema table = ctx.schema().table(path.source());
    TableSchema via = ctx.schema().table(edge.table());
    List<Integer> key = table.primaryKey();
    ctx.pushScope("");
    out.append("WITH RECURSIVE ");
    ctx.ident(CTE);
    out.append('(');
    for (int i = 0; i < key.size(); i++) {
      ctx.ident("k" + i);
      out.append(", ");
    }
    ctx.ident(DEPTH);
    out.append(", ");
    ctx.ident(VISITED);
    out.append(") AS (");
    anchor(path, table);
    out.append(" UNION ALL ");
    step(path, edge, via);
    out.append(") ");
    outer(path, table);
    ctx.popScope();
    List<Type> types = new ArrayList<>();
    table.columns().forEach(c -> types.add(c.type()));
    types.add(Type.Scalar.I64);
    ctx.returnTypes(types);
  }

  /** {@code SELECT key, 0, '/key/' FROM table WHERE start}. */
  private void anchor(PathNode path, TableSchema table) {
    out.append("SELECT ");
    List<String> keys = new ArrayList<>();
    for (int c : table.primaryKey()) {
      String column = column(table, c);
      out.append(column).append(", ");
      keys.add(column);
    }
    out.append("0, ").append(String.format(cycles.anchored(),
        cycles.join("'/'", keyText(keys), "'/'")));
    out.append(" FROM ");
    ctx.ident(table.name());
    condition(" WHERE ", path.start());
    condition(isTrue(path.start()) ? " WHERE " : " AND ", path.nodes());
  }

  /** {@code SELECT next, depth + 1, visited || next || '/' FROM cte JOIN edge ON ..}. */
  private void step(PathNode path, PathNode.Hop.Edge edge, TableSchema via) {
    List<String> next = new ArrayList<>();
    for (int c : edge.to()) {
      next.add(column(via, c));
    }
    String nextText = keyText(next);
    String visited = cte(VISITED);
    out.append("SELECT ");
    next.forEach(n -> out.append(n).append(", "));
    out.append(cte(DEPTH)).append(" + 1, ").append(cycles.join(visited, nextText, "'/'"));
    out.append(" FROM ");
    ctx.ident(CTE);
    out.append(" JOIN ");
    ctx.ident(via.name());
    out.append(" ON ");
    for (int i = 0; i < edge.from().size(); i++) {
      out.append(i > 0 ? " AND " : "").append(column(via, edge.from().get(i))).append(" = ")
          .append(cte("k" + i));
    }
    out.append(" WHERE ").append(cte(DEPTH)).append(" < ").append(path.max());
    for (String n : next) {
      out.append(" AND ").append(n).append(" IS NOT NULL");
    }
    out.append(" AND ").append(String.format(cycles.notIn(),
        cycles.join("'/'", nextText, "'/'"), visited));
    condition(" AND ", edge.filter());
    visitable(path, next);
  }

  /**
   * {@code AND next IN (SELECT key FROM table WHERE nodes)}: the next row is one a path may
   * visit. Not correlated, so that an edge that is a column of the table itself (a self
   * foreign key) names the outer row, not the subquery's.
   */
  private void visitable(PathNode path, List<String> next) {
    if (isTrue(path.nodes())) {
      return;
    }
    TableSchema table = ctx.schema().table(path.source());
    out.append(" AND ").append(next.size() == 1 ? next.get(0)
        : "(" + String.join(", ", next) + ")").append(" IN (SELECT ");
    List<Integer> key = table.primaryKey();
    for (int i = 0; i < key.size(); i++) {
      out.append(i > 0 ? ", " : "").append(column(table, key.get(i)));
    }
    out.append(" FROM ");
    ctx.ident(table.name());
    condition(" WHERE ", path.nodes());
    out.append(')');
  }

  private static boolean isTrue(ExprNode condition) {
    return unwrapSingleton(condition).equals(ExprNode.TRUE);
  }

  /** The rows reached, joined back to the table, filtered and ordered by depth. */
  private void outer(PathNode path, TableSchema table) {
    out.append("SELECT ");
    for (int c = 0; c < table.columns().size(); c++) {
      out.append(column(table, c)).append(", ");
    }
    out.append(cte(DEPTH)).append(" FROM ");
    if (path.mode() == PathNode.Mode.DISTINCT) {
      nearest(path, table);
    } else {
      ctx.ident(CTE);
    }
    out.append(" JOIN ");
    ctx.ident(table.name());
    out.append(" ON ");
    List<Integer> key = table.primaryKey();
    for (int i = 0; i < key.size(); i++) {
      out.append(i > 0 ? " AND " : "").append(column(table, key.get(i))).append(" = ")
          .append(cte("k" + i));
    }
    out.append(" WHERE ").append(cte(DEPTH)).append(" >= ").append(path.min());
    condition(" AND ", path.reached());
    out.append(" ORDER BY ").append(cte(DEPTH));
    if (path.mode() == PathNode.Mode.SHORTEST) {
      out.append(dialect.limitSyntax() == SqlDialect.LimitSyntax.OFFSET_FETCH
          ? " FETCH FIRST 1 ROWS ONLY" : " LIMIT 1");
    }
  }

  /** {@code (SELECT k0, MIN(depth) AS depth FROM cte WHERE depth >= min GROUP BY k0) cte}. */
  private void nearest(PathNode path, TableSchema table) {
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < table.primaryKey().size(); i++) {
      keys.append(i > 0 ? ", " : "");
      dialect.quoteIdentifier(keys, "k" + i);
    }
    out.append("(SELECT ").append(keys).append(", MIN(");
    ctx.ident(DEPTH);
    out.append(") AS ");
    ctx.ident(DEPTH);
    out.append(" FROM ");
    ctx.ident(CTE);
    out.append(" WHERE ");
    ctx.ident(DEPTH);
    out.append(" >= ").append(path.min());
    out.append(" GROUP BY ").append(keys).append(") ");
    ctx.ident(CTE);
  }

  /** {@code prefix condition}, unless the condition is true. */
  private void condition(String prefix, ExprNode condition) {
    if (isTrue(condition)) {
      return;
    }
    ExprNode c = unwrapSingleton(condition);
    out.append(prefix).append('(');
    ctx.expr(c, Type.Scalar.BOOL);
    out.append(')');
  }

  private String keyText(List<String> columns) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        texts.add("','");
      }
      texts.add(String.format(cycles.keyText(), columns.get(i)));
    }
    return texts.size() == 1 ? texts.get(0) : cycles.join(texts.toArray(new String[0]));
  }

  private String column(TableSchema table, int c) {
    StringBuilder s = new StringBuilder();
    dialect.quoteIdentifier(s, table.name());
    s.append('.');
    dialect.quoteIdentifier(s, table.columns().get(c).name());
    return s.toString();
  }

  private String cte(String column) {
    StringBuilder s = new StringBuilder();
    dialect.quoteIdentifier(s, CTE);
    s.append('.');
    dialect.quoteIdentifier(s, column);
    return s.toString();
  }
}
