package io.toasty.neo4j.ddl;

import io.toasty.neo4j.cypher.Names;
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

  public GraphSchema(Schema schema, Names names) {
    this.schema = schema;
    this.names = names;
  }

  /** The commands that create every table's constraints and indexes that are missing. */
  public List<String> push() {
    List<String> out = new ArrayList<>();
    for (TableSchema table : schema.tables()) {
      String label = Names.quote(names.label(table.name()));
      if (!table.primaryKey().isEmpty()) {
        out.add("CREATE CONSTRAINT " + Names.quote(primaryKeyName(table)) + " IF NOT EXISTS FOR (n:"
            + label + ") REQUIRE " + properties(table, table.primaryKey()) + " IS UNIQUE");
      }
      for (TableIndex index : table.indexes()) {
        String name = Names.quote(names.schemaObject(index.name()));
        out.add(index.unique()
            ? "CREATE CONSTRAINT " + name + " IF NOT EXISTS FOR (n:" + label + ") REQUIRE "
                + properties(table, index.columns()) + " IS UNIQUE"
            : "CREATE INDEX " + name + " IF NOT EXISTS FOR (n:" + label + ") ON "
                + properties(table, index.columns()));
      }
    }
    return out;
  }

  /**
   * The commands that wait until this schema's range indexes are online: each by its name, as
   * {@code db.awaitIndexes} would wait for every index of the database, those of other schemas
   * being created or dropped at the same time too (concurrent pushes then waited on each other
   * for minutes).
   */
  public List<String> awaitIndexes() {
    List<String> out = new ArrayList<>();
    for (TableSchema table : schema.tables()) {
      for (TableIndex index : table.indexes()) {
        if (!index.unique()) {
          out.add("CALL db.awaitIndex('" + names.schemaObject(index.name()).replace("'", "\\'")
              + "', 300)");
        }
      }
    }
    return out;
  }

  /**
   * One statement deleting every node of the schema's labels (a reset keeps the constraints
   * and indexes: the push after it finds them in place).
   */
  public String deleteNodes() {
    StringBuilder out = new StringBuilder();
    for (TableSchema table : schema.tables()) {
      out.append("CALL { MATCH (n:").append(Names.quote(names.label(table.name())))
          .append(") DETACH DELETE n } ");
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
