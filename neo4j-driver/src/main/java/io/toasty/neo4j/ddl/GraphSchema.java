package io.toasty.neo4j.ddl;

import io.toasty.neo4j.cypher.Names;
import io.toasty.neo4j.cypher.Relationships;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema commands for a graph: a table's primary key and unique indexes are uniqueness
 * constraints on its label, its other indexes range indexes; all created {@code IF NOT EXISTS},
 * so a push is idempotent. A reset deletes the label's nodes and drops what a push creates.
 * Neo4j runs each schema command in a transaction of its own.
 */
public final class GraphSchema {
  private final Schema schema;
  private final Names names;
  private final Relationships relationships;

  public GraphSchema(Schema schema, Names names) {
    this.schema = schema;
    this.names = names;
    this.relationships = new Relationships(schema);
  }

  /** The commands that create every table's constraints and indexes that are missing. */
  public List<String> push() {
    List<String> out = new ArrayList<>();
    for (TableSchema table : schema.tables()) {
      String on = on(table);
      if (!table.primaryKey().isEmpty()) {
        out.add("CREATE CONSTRAINT " + Names.quote(primaryKeyName(table)) + " IF NOT EXISTS FOR "
            + on + " REQUIRE " + properties(table, table.primaryKey()) + " IS UNIQUE");
      }
      for (TableIndex index : table.indexes()) {
        if (relationships.edge(table.name()) != null && !stored(table, index.columns())) {
          continue; // a join record's foreign key is an end of it, no property to index
        }
        String name = Names.quote(names.schemaObject(index.name()));
        out.add(index.unique()
            ? "CREATE CONSTRAINT " + name + " IF NOT EXISTS FOR " + on + " REQUIRE "
                + properties(table, index.columns()) + " IS UNIQUE"
            : "CREATE INDEX " + name + " IF NOT EXISTS FOR " + on + " ON "
                + properties(table, index.columns()));
      }
    }
    return out;
  }

  /**
   * {@code (n:Label)}, or {@code ()-[n:Type]-()} for a join model stored as a relationship:
   * Neo4j 5 has uniqueness constraints and range indexes on relationship properties too.
   */
  private String on(TableSchema table) {
    String name = Names.quote(names.label(table.name()));
    return relationships.edge(table.name()) == null ? "(n:" + name + ")"
        : "()-[n:" + name + "]-()";
  }

  /** Whether every column is a property (none a foreign key kept only as a relationship). */
  private boolean stored(TableSchema table, List<Integer> columns) {
    return columns.stream().allMatch(c -> relationships.virtual(table.name(), c) == null);
  }

  /** Whether the push creates indexes that fill in the background (not constraints). */
  public boolean hasIndexes() {
    return schema.tables().stream().anyMatch(t -> t.indexes().stream()
        .anyMatch(i -> !i.unique()
            && (relationships.edge(t.name()) == null || stored(t, i.columns()))));
  }

  /**
   * One statement deleting every node of the schema's labels (a reset keeps the constraints
   * and indexes: the push after it finds them in place).
   */
  public String deleteNodes() {
    StringBuilder out = new StringBuilder();
    for (TableSchema table : schema.tables()) {
      out.append("CALL { MATCH ").append(on(table).replace("]-()", "]->()"))
          .append(relationships.edge(table.name()) == null ? " DETACH DELETE n } "
              : " DELETE n } ");
    }
    return out.length() == 0 ? "RETURN 0" : out.append("RETURN 0").toString();
  }

  private String primaryKeyName(TableSchema table) {
    return names.schemaObject(table.name() + "_pkey");
  }

  private static String properties(TableSchema table, List<Integer> columns) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append("n.");
      Names.quote(out, table.column(columns.get(i)).name());
    }
    return out.append(')').toString();
  }
}
