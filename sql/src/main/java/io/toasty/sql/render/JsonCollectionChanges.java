package io.toasty.sql.render;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.sql.dialect.JsonStorage;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;

/**
 * Changes of a collection stored as a JSON document, made by the UPDATE itself (no read first).
 * A map's entries are put with a JSON merge patch ({@code json_patch} on SQLite,
 * {@code JSON_MERGE_PATCH} on MariaDB, {@code ||} on PostgreSQL's {@code jsonb}) and removed
 * with a patch of nulls built from the bound keys ({@code -} of a text array on PostgreSQL).
 * A list or set is rebuilt as the JSON text of its items, each item's JSON text as stored,
 * numbered by a JSON table function ({@code json_each} on SQLite, {@code JSON_TABLE} on MariaDB)
 * and joined in order ({@code group_concat}): removal keeps the items whose text is none of the
 * bound items' texts; adding to a set keeps every stored item, then the bound items whose text
 * is not stored. Items are compared by their JSON text (MariaDB: its bytes), which the engine
 * writes one way for one value. Appending to a list stays in
 * {@code CollectionChangeSql}. H2 stores plain text it cannot read: it is refused there.
 */
final class JsonCollectionChanges {
  /** Aliases and columns of the statement's own derived tables, apart from the model's names. */
  private static final String STORED = "toasty_s";
  private static final String ITEM = "toasty_i";

  private final SqlContext ctx;
  private final StringBuilder out;
  private final JsonStorage storage;

  private JsonCollectionChanges(SqlContext ctx, JsonStorage storage) {
    this.ctx = ctx;
    this.out = ctx.out();
    this.storage = storage;
  }

  /** Writes {@code c}, a change other than a list's append, as {@code storage} computes it. */
  static void render(SqlContext ctx, JsonStorage storage, ExprNode.CollectionChange c) {
    new JsonCollectionChanges(ctx, storage).change(c);
  }

  private void change(ExprNode.CollectionChange c) {
    if (storage == JsonStorage.TEXT
        || storage == JsonStorage.JSONB && c.type().shape() != Type.CollectionOf.Shape.MAP) {
      throw new UnsupportedFeatureException(Feature.COLLECTION_CHANGE, ctx.backend(),
          "an update that changes a stored collection held as text the statement cannot read");
    }
    switch (c.op()) {
      case PUT -> put(c);
      case REMOVE_KEYS -> removeKeys(c);
      case REMOVE -> rebuilt(c, false);
      case ADD -> rebuilt(c, true);
    }
  }

  /** The map with the bound entries merged in; a NULL map becomes them. */
  private void put(ExprNode.CollectionChange c) {
    switch (storage) {
      case JSONB -> around(c, "(COALESCE(", ", '{}'::jsonb) || CAST(", " AS jsonb))");
      case JSON_VALUE -> around(c, "JSON_MERGE_PATCH(COALESCE(", ", '{}'), ", ")");
      case TEXT_JSON_EXTRACT -> around(c, "json_patch(COALESCE(", ", '{}'), ", ")");
      case TEXT -> throw new IllegalStateException("refused above");
    }
  }

  /** {@code before}, the stored collection, {@code between}, the bound items, {@code after}. */
  private void around(ExprNode.CollectionChange c, String before, String between, String after) {
    out.append(before);
    ctx.expr(c.operand(), null);
    out.append(between);
    ctx.expr(c.items(), c.itemsType());
    out.append(after);
  }

  /**
   * The map without the bound keys' entries; NULL stays NULL. SQLite applies a merge patch of
   * nulls; MariaDB's {@code JSON_MERGE_PATCH} keeps some keys patched with null (it depends on
   * their order), so there the object is rebuilt from its other keys ({@code JSON_KEYS}).
   */
  private void removeKeys(ExprNode.CollectionChange c) {
    switch (storage) {
      case JSONB -> around(c, "(", " - CAST(", " AS text[]))");
      case JSON_VALUE -> ctx.qualified(() -> {
        Runnable keys = () -> {
          out.append("JSON_KEYS(");
          ctx.expr(c.operand(), null);
          out.append(')');
        };
        out.append("CASE WHEN ");
        ctx.expr(c.operand(), null);
        out.append(" IS NULL THEN NULL ELSE (SELECT CONCAT('{', COALESCE(GROUP_CONCAT(CONCAT(");
        itemText(keys, STORED);
        out.append(", ':', JSON_EXTRACT(");
        ctx.expr(c.operand(), null);
        out.append(", CONCAT('$.', ");
        itemText(keys, STORED);
        out.append("))) ORDER BY ").append(STORED).append(".k SEPARATOR ','), ''), '}') FROM ");
        items(keys, STORED);
        notAmong(keys, STORED, bound(c), ITEM);
        out.append(") END");
      });
      case TEXT_JSON_EXTRACT -> around(c, "json_patch(", ", (SELECT json_group_object(" + ITEM
          + ".value, NULL) FROM json_each(", ") AS " + ITEM + "))");
      case TEXT -> throw new IllegalStateException("refused above");
    }
  }

  /**
   * The list or set rebuilt from its items' texts: without the bound ones ({@code add} false;
   * NULL stays NULL), or with those it lacks after its own ({@code add} true; NULL becomes them).
   * Each part is a scalar subquery over the stored column itself (MariaDB's {@code JSON_TABLE}
   * cannot read a column of a query around a derived table).
   */
  private void rebuilt(ExprNode.CollectionChange c, boolean add) {
    Runnable stored = () -> ctx.expr(c.operand(), null);
    ctx.qualified(() -> {
      out.append("CASE WHEN ");
      stored.run();
      out.append(" IS NULL THEN ");
      if (add) {
        ctx.expr(c.items(), c.itemsType());
      } else {
        out.append("NULL");
      }
      out.append(" ELSE ");
      if (!add) {
        out.append("(SELECT CONCAT('[', COALESCE(");
        joined(stored, STORED);
        out.append(", ''), ']') FROM ");
        items(stored, STORED);
        notAmong(stored, STORED, bound(c), ITEM);
        out.append(") END");
        return;
      }
      out.append("CONCAT('[', CONCAT_WS(',', (SELECT ");
      joined(stored, STORED);
      out.append(" FROM ");
      items(stored, STORED);
      out.append("), (SELECT ");
      joined(bound(c), ITEM);
      out.append(" FROM ");
      items(bound(c), ITEM);
      notAmong(bound(c), ITEM, stored, STORED + "2");
      out.append(")), ']') END");
    });
  }

  /**
   * {@code WHERE} the item of {@code array} that {@code alias} numbers is none of the items of
   * {@code others} (numbered by {@code otherAlias}).
   */
  private void notAmong(Runnable array, String alias, Runnable others, String otherAlias) {
    out.append(" WHERE ");
    compared(array, alias);
    out.append(" NOT IN (SELECT ");
    compared(others, otherAlias);
    out.append(" FROM ");
    items(others, otherAlias);
    out.append(')');
  }

  /** Writes the change's bound items. */
  private Runnable bound(ExprNode.CollectionChange c) {
    return () -> ctx.expr(c.items(), c.itemsType());
  }

  /** The items' JSON texts that {@code alias} numbers, joined by commas in their order. */
  private void joined(Runnable array, String alias) {
    if (storage == JsonStorage.JSON_VALUE) {
      out.append("GROUP_CONCAT(");
      itemText(array, alias);
      out.append(" ORDER BY ").append(alias).append(".k SEPARATOR ',')");
    } else {
      out.append("group_concat(");
      itemText(array, alias);
      out.append(", ',' ORDER BY ").append(alias).append(".key)");
    }
  }

  /** The items of a JSON array as a table named {@code alias}, numbered in order. */
  private void items(Runnable array, String alias) {
    if (storage == JsonStorage.JSON_VALUE) {
      out.append("JSON_TABLE(");
      array.run();
      out.append(", '$[*]' COLUMNS (k FOR ORDINALITY)) AS ").append(alias);
    } else {
      out.append("json_each(");
      array.run();
      out.append(") AS ").append(alias);
    }
  }

  /**
   * The item's JSON text as compared: as bytes on MariaDB, which compares two
   * {@code JSON_EXTRACT}s as JSON and finds {@code "a"} unequal to {@code "a"}.
   */
  private void compared(Runnable array, String alias) {
    if (storage == JsonStorage.JSON_VALUE) {
      out.append("CAST(");
      itemText(array, alias);
      out.append(" AS BINARY)");
    } else {
      itemText(array, alias);
    }
  }

  /** The JSON text of the item of {@code array} that {@code alias} numbers. */
  private void itemText(Runnable array, String alias) {
    if (storage == JsonStorage.JSON_VALUE) {
      out.append("JSON_EXTRACT(");
      array.run();
      out.append(", CONCAT('$[', ").append(alias).append(".k - 1, ']'))");
    } else {
      out.append('(');
      array.run();
      out.append(" -> ").append(alias).append(".fullkey)");
    }
  }
}
