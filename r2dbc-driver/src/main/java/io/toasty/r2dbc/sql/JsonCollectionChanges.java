package io.toasty.r2dbc.sql;

import io.toasty.Feature;
import io.toasty.UnsupportedFeatureException;
import io.toasty.r2dbc.dialect.JsonStorage;
import io.toasty.stmt.Expr;
import io.toasty.value.Type;

/**
 * Changes of a collection stored as a JSON document, made by the UPDATE itself (no read first).
 * A map's entries are put with a JSON merge patch ({@code json_patch} on SQLite,
 * {@code JSON_MERGE_PATCH} on MariaDB, {@code ||} on PostgreSQL's {@code jsonb}) and removed
 * with a patch of nulls built from the bound keys ({@code -} of a text array on PostgreSQL).
 * A list or set is rebuilt as the JSON text of its items, each item's JSON text as stored,
 * numbered by a JSON table function ({@code json_each} on SQLite, {@code JSON_TABLE} on MariaDB):
 * removal keeps the items whose text is none of the bound items' texts, in order; adding to a set
 * keeps every stored item, then the bound items whose text is not stored. Items are compared by
 * their JSON text, which the engine writes one way for one value. Appending to a list stays in
 * {@link SqlWalk}. H2 stores plain text it cannot read: it is refused there.
 */
final class JsonCollectionChanges {
  /** Aliases and columns of the statement's own derived tables, apart from the model's names. */
  private static final String STORED = "toasty_s";
  private static final String ITEM = "toasty_i";
  private static final String TEXT = "toasty_x";
  private static final String GROUP = "toasty_g";
  private static final String ORDER = "toasty_o";

  private final SqlWalk walk;
  private final StringBuilder out;
  private final JsonStorage storage;

  private JsonCollectionChanges(SqlWalk walk, JsonStorage storage) {
    this.walk = walk;
    this.out = walk.out();
    this.storage = storage;
  }

  /** Writes {@code c}, a change other than a list's append, as {@code storage} computes it. */
  static void render(SqlWalk walk, JsonStorage storage, Expr.CollectionChange c) {
    new JsonCollectionChanges(walk, storage).change(c);
  }

  private void change(Expr.CollectionChange c) {
    if (storage == JsonStorage.TEXT
        || storage == JsonStorage.JSONB && c.type().shape() != Type.CollectionOf.Shape.MAP) {
      throw new UnsupportedFeatureException(Feature.COLLECTION_CHANGE, walk.backend(),
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
  private void put(Expr.CollectionChange c) {
    switch (storage) {
      case JSONB -> {
        out.append("(COALESCE(");
        walk.part(c.operand(), null);
        out.append(", '{}'::jsonb) || CAST(");
        walk.part(c.items(), c.itemsType());
        out.append(" AS jsonb))");
      }
      case JSON_VALUE, TEXT_JSON_EXTRACT -> {
        out.append(storage == JsonStorage.JSON_VALUE ? "JSON_MERGE_PATCH(" : "json_patch(");
        out.append("COALESCE(");
        walk.part(c.operand(), null);
        out.append(", '{}'), ");
        walk.part(c.items(), c.itemsType());
        out.append(')');
      }
      case TEXT -> throw new IllegalStateException("refused above");
    }
  }

  /** The map without the bound keys' entries (a merge patch of nulls); NULL stays NULL. */
  private void removeKeys(Expr.CollectionChange c) {
    switch (storage) {
      case JSONB -> {
        out.append('(');
        walk.part(c.operand(), null);
        out.append(" - CAST(");
        walk.part(c.items(), c.itemsType());
        out.append(" AS text[]))");
      }
      case JSON_VALUE -> {
        out.append("JSON_MERGE_PATCH(");
        walk.part(c.operand(), null);
        out.append(", COALESCE((SELECT JSON_OBJECTAGG(").append(ITEM).append(".k, NULL) FROM"
            + " JSON_TABLE(");
        walk.part(c.items(), c.itemsType());
        out.append(", '$[*]' COLUMNS (k LONGTEXT PATH '$')) AS ").append(ITEM)
            .append("), '{}'))");
      }
      case TEXT_JSON_EXTRACT -> {
        out.append("json_patch(");
        walk.part(c.operand(), null);
        out.append(", (SELECT json_group_object(").append(ITEM).append(".value, NULL) FROM"
            + " json_each(");
        walk.part(c.items(), c.itemsType());
        out.append(") AS ").append(ITEM).append("))");
      }
      case TEXT -> throw new IllegalStateException("refused above");
    }
  }

  /**
   * The list or set rebuilt from its items: without the bound ones ({@code add} false; NULL
   * stays NULL), or with those it lacks after its own ({@code add} true; NULL becomes them).
   */
  private void rebuilt(Expr.CollectionChange c, boolean add) {
    walk.qualified(() -> {
      out.append("CASE WHEN ");
      walk.part(c.operand(), null);
      out.append(" IS NULL THEN ");
      if (add) {
        walk.part(c.items(), c.itemsType());
      } else {
        out.append("NULL");
      }
      out.append(" ELSE (SELECT ");
      aggregate();
      out.append(" FROM (SELECT ");
      rows(c.operand(), null, STORED, 0);
      if (add) {
        out.append(" UNION ALL SELECT ");
        rows(c.items(), c.itemsType(), ITEM, 1);
      }
      out.append(" WHERE ");
      itemText(add ? c.items() : c.operand(), add ? c.itemsType() : null, add ? ITEM : STORED);
      out.append(" NOT IN (SELECT ");
      String other = add ? STORED + "2" : ITEM;
      itemText(add ? c.operand() : c.items(), add ? null : c.itemsType(), other);
      out.append(" FROM ");
      items(add ? c.operand() : c.items(), add ? null : c.itemsType(), other);
      out.append(")) AS toasty_u) END");
    });
  }

  /** The JSON array text of the derived table's items, in their group and order. */
  private void aggregate() {
    if (storage == JsonStorage.JSON_VALUE) {
      out.append("CONCAT('[', COALESCE(GROUP_CONCAT(").append(TEXT).append(" ORDER BY ")
          .append(GROUP).append(", ").append(ORDER).append(" SEPARATOR ','), ''), ']')");
    } else {
      out.append("'[' || COALESCE(group_concat(").append(TEXT).append(", ',' ORDER BY ")
          .append(GROUP).append(", ").append(ORDER).append("), '') || ']'");
    }
  }

  /** {@code text AS toasty_x, group AS toasty_g, position AS toasty_o FROM items AS alias}. */
  private void rows(Expr array, Type type, String alias, int group) {
    itemText(array, type, alias);
    out.append(" AS ").append(TEXT).append(", ").append(group).append(" AS ").append(GROUP)
        .append(", ").append(alias).append(storage == JsonStorage.JSON_VALUE ? ".k" : ".key")
        .append(" AS ").append(ORDER).append(" FROM ");
    items(array, type, alias);
  }

  /** The items of a JSON array as a table named {@code alias}, numbered in order. */
  private void items(Expr array, Type type, String alias) {
    if (storage == JsonStorage.JSON_VALUE) {
      out.append("JSON_TABLE(");
      walk.part(array, type);
      out.append(", '$[*]' COLUMNS (k FOR ORDINALITY)) AS ").append(alias);
    } else {
      out.append("json_each(");
      walk.part(array, type);
      out.append(") AS ").append(alias);
    }
  }

  /** The JSON text of the item of {@code array} that {@code alias} numbers. */
  private void itemText(Expr array, Type type, String alias) {
    if (storage == JsonStorage.JSON_VALUE) {
      out.append("JSON_EXTRACT(");
      walk.part(array, type);
      out.append(", CONCAT('$[', ").append(alias).append(".k - 1, ']'))");
    } else {
      out.append('(');
      walk.part(array, type);
      out.append(" -> ").append(alias).append(".fullkey)");
    }
  }
}
