package io.toasty.sql.render;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;

/**
 * Tests on a stored collection: whether it holds an item (a map a key) and whether it is
 * empty, as an array or a JSON document.
 */
final class CollectionItemSql {
  private final SqlContext ctx;
  private final StringBuilder out;
  private final SqlDialect dialect;

  CollectionItemSql(SqlContext ctx) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.dialect = ctx.dialect();
  }

  /**
   * Whether a stored collection holds an item (a map a key), NULL where it is NULL: {@code = ANY}
   * of a PostgreSQL array, {@code jsonb_exists} of a map, {@code JSON_CONTAINS} on MariaDB, a
   * search of {@code json_each} on SQLite. The item is bound as any value of its type is, and
   * converted in the statement to what the storage holds (a JSON text, a UUID's text).
   */
  void contains(ExprNode.Contains c) {
    boolean map = c.type().shape() == Type.CollectionOf.Shape.MAP;
    Type item = map ? Type.Scalar.STRING : c.type().item();
    if (dialect.collectionArrays() && !map) {
      ctx.expr(c.item(), item);
      out.append(" = ANY(");
      ctx.expr(c.operand(), null);
      out.append(')');
      return;
    }
    switch (dialect.jsonStorage()) {
      case JSONB -> {
        out.append("jsonb_exists(");
        ctx.expr(c.operand(), null);
        out.append(", ");
        ctx.expr(c.item(), item);
        out.append(')');
      }
      case JSON_VALUE -> {
        out.append(map ? "JSON_CONTAINS(JSON_KEYS(" : "JSON_CONTAINS(");
        ctx.expr(c.operand(), null);
        out.append(map ? "), " : ", ");
        jsonItemText(c.item(), item);
        out.append(')');
      }
      case TEXT_JSON_EXTRACT -> {
        out.append("CASE WHEN ");
        ctx.wrappedUnlessAtom(c.operand(), null);
        out.append(" IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM json_each(");
        ctx.expr(c.operand(), null);
        if (map) {
          out.append(") WHERE key = ");
          ctx.expr(c.item(), item);
        } else if (item == Type.Scalar.UUID) {
          // stored as the UUID's text, bound as its 16 bytes
          out.append(") WHERE replace(value, '-', '') = lower(hex(");
          ctx.expr(c.item(), item);
          out.append("))");
        } else {
          out.append(") WHERE value = ");
          ctx.expr(c.item(), item);
        }
        out.append(") END");
      }
      case TEXT -> throw new UnsupportedFeatureException(Feature.COLLECTION_ITEMS,
          dialect.backend(), "a filter on the items of a stored collection");
    }
  }

  /** An item as the JSON text {@code JSON_CONTAINS} looks for: quoted text, a number's digits. */
  private void jsonItemText(ExprNode e, Type item) {
    if (e instanceof ExprNode.Const k && k.value() instanceof Value.Bool b) {
      out.append(b.value() ? "'true'" : "'false'");
    } else if (item == Type.Scalar.STRING || item == Type.Scalar.UUID) {
      boolean bytes = item == Type.Scalar.UUID
          && dialect.uuidStorage() == SqlDialect.UuidStorage.BYTES;
      out.append(bytes ? "JSON_QUOTE(BIN_TO_UUID(" : "JSON_QUOTE(");
      ctx.expr(e, item);
      out.append(bytes ? "))" : ")");
    } else {
      out.append("CAST(");
      ctx.expr(e, item);
      out.append(" AS CHAR)");
    }
  }

  /** Whether a stored collection is empty, NULL where it is NULL. */
  void isEmpty(ExprNode.IsEmpty i) {
    boolean map = i.type().shape() == Type.CollectionOf.Shape.MAP;
    if (dialect.collectionArrays() && !map) {
      out.append("cardinality(");
      ctx.expr(i.operand(), null);
      out.append(") = 0");
      return;
    }
    switch (dialect.jsonStorage()) {
      case JSONB -> {
        ctx.wrappedUnlessAtom(i.operand(), null);
        out.append(" = '{}'::jsonb");
      }
      case JSON_VALUE -> {
        out.append("JSON_LENGTH(");
        ctx.expr(i.operand(), null);
        out.append(") = 0");
      }
      // Stored as the text the engine wrote, which for an empty collection is exactly this.
      case TEXT_JSON_EXTRACT, TEXT -> {
        ctx.wrappedUnlessAtom(i.operand(), null);
        out.append(map ? " = '{}'" : " = '[]'");
      }
    }
  }
}
