package io.toasty.sql.render;

import io.toasty.sql.dialect.JsonStorage;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;

/**
 * A stored collection changed by an UPDATE: a PostgreSQL array with items added or removed,
 * a JSON list appended to; every other JSON change as {@link JsonCollectionChanges} writes it.
 */
final class CollectionChangeSql {
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;

  CollectionChangeSql(SqlContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
  }

  /**
   * A stored collection changed by the update: a PostgreSQL array with items added (appended to
   * a list; those it lacks added to a set, in their order) or removed (every item equal to one of
   * them, the others kept in order), the items bound once as an array; a list stored as JSON
   * appended to here; every other change (a map's, a JSON list's or set's) as
   * {@link JsonCollectionChanges} writes it.
   */
  void collectionChange(ExprNode.CollectionChange c) {
    boolean listAppend = c.op() == ExprNode.ChangeOp.ADD
        && c.type().shape() == Type.CollectionOf.Shape.LIST;
    if (!dialect.collectionArrays() && listAppend) {
      jsonListAppend(c);
      return;
    }
    if (!dialect.collectionArrays() || c.type().shape() == Type.CollectionOf.Shape.MAP) {
      JsonCollectionChanges.render(ctx, dialect.jsonStorage(), c);
      return;
    }
    if (c.op() == ExprNode.ChangeOp.REMOVE) {
      out.append("CASE WHEN ");
      ctx.wrappedUnlessAtom(c.operand(), null);
      out.append(" IS NULL THEN NULL ELSE ARRAY(SELECT x FROM unnest(");
      ctx.expr(c.operand(), null);
      out.append(") WITH ORDINALITY AS t(x, i) WHERE x <> ALL(");
      ctx.expr(c.items(), c.type());
      out.append(") ORDER BY i) END");
      return;
    }
    out.append("array_cat(COALESCE(");
    ctx.expr(c.operand(), null);
    out.append(", '{}'), ");
    if (c.type().shape() == Type.CollectionOf.Shape.LIST) {
      ctx.expr(c.items(), c.type());
    } else {
      // the items' array type is written out: unnest has overloads, and a driver that does not
      // send its parameters' types (vertx-pg-client) would leave PostgreSQL unable to choose
      // one (42725; CollectionFieldScenarios, set changes without reading the record)
      out.append("ARRAY(SELECT x FROM unnest(CAST(");
      ctx.expr(c.items(), c.type());
      out.append(" AS ").append(dialect.collectionColumnType(c.type()));
      out.append(")) WITH ORDINALITY AS t(x, i) WHERE x <> ALL(COALESCE(");
      ctx.expr(c.operand(), null);
      out.append(", '{}')) ORDER BY i)");
    }
    out.append(')');
  }

  /**
   * A list stored as JSON with items appended, a NULL list becoming the items. MariaDB merges
   * the two arrays; elsewhere the stored text, which the engine wrote, is joined with the items'
   * text as it is, so no number or string is read and written again.
   */
  private void jsonListAppend(ExprNode.CollectionChange c) {
    if (dialect.jsonStorage() == JsonStorage.JSON_VALUE) {
      out.append("JSON_MERGE_PRESERVE(COALESCE(");
      ctx.expr(c.operand(), null);
      out.append(", '[]'), ");
      ctx.expr(c.items(), c.type());
      out.append(')');
      return;
    }
    out.append("CASE WHEN ");
    ctx.wrappedUnlessAtom(c.operand(), null);
    out.append(" IS NULL OR ");
    ctx.wrappedUnlessAtom(c.operand(), null);
    out.append(" = '[]' THEN ");
    ctx.expr(c.items(), c.type());
    out.append(" WHEN ");
    ctx.expr(c.items(), c.type());
    out.append(" = '[]' THEN ");
    ctx.expr(c.operand(), null);
    out.append(" ELSE SUBSTR(");
    ctx.expr(c.operand(), null);
    out.append(", 1, ").append(dialect.charLengthFunction()).append('(');
    ctx.expr(c.operand(), null);
    out.append(") - 1) || ',' || SUBSTR(");
    ctx.expr(c.items(), c.type());
    out.append(", 2) END");
  }
}
