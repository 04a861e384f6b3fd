package io.toasty.neo4j.ddl;

import io.toasty.neo4j.cypher.CypherDialect;
import io.toasty.neo4j.cypher.LiveNodes;
import io.toasty.neo4j.cypher.Names;
import io.toasty.neo4j.cypher.Relationships;
import io.toasty.schema.GraphIndexes;
import io.toasty.schema.GraphIndexes.GraphEntry;
import io.toasty.schema.GraphIndexes.GraphIndex;
import io.toasty.schema.GraphIndexes.GraphTable;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema commands for a graph: a table's primary key and unique indexes are uniqueness
 * constraints on its label, its other indexes range indexes; all created {@code IF NOT EXISTS},
 * so a push is idempotent, in the {@link CypherDialect}'s syntax; a unique index of a
 * soft-deleted model's live records is over {@code toasty_live} too ({@link LiveNodes}). A reset
 * deletes the label's nodes; the constraints and indexes stay.
 */
public final class GraphSchema {
  private final Schema schema;
  private final Names names;
  private final CypherDialect dialect;
  private final Relationships relationships;
  private final LiveNodes live;

  /** Neo4j's schema commands. */
  public GraphSchema(Schema schema, Names names) {
    this(schema, names, CypherDialect.NEO4J);
  }

  /** {@code dialect}'s schema commands. */
  public GraphSchema(Schema schema, Names names, CypherDialect dialect) {
    this.schema = schema;
    this.names = names;
    this.dialect = dialect;
    this.relationships = new Relationships(schema);
    this.live = new LiveNodes(schema);
  }

  /** The commands that create every table's constraints and indexes that are missing. */
  public List<String> push() {
    return objects().stream().map(GraphObject::command).toList();
  }

  /**
   * Every table's key and unique constraints and range indexes, as push creates them: those
   * {@link GraphIndexes} gives, the description migrations write too.
   */
  public List<GraphObject> objects() {
    List<GraphObject> out = new ArrayList<>();
    for (TableSchema table : schema.tables()) {
      for (GraphEntry entry : GraphIndexes.of(graphTable(table))) {
        out.add(object(table, names.schemaObject(entry.name()), entry.properties(),
            entry.unique()));
      }
    }
    return out;
  }

  /** {@code table} as {@link GraphIndexes} describes it: its relationships' keys by name. */
  private GraphTable graphTable(TableSchema table) {
    List<GraphIndex> indexes = table.indexes().stream()
        .map(ix -> new GraphIndex(ix.name(), names(table, ix.columns()), ix.unique(),
            live.liveOnly(table, ix)))
        .toList();
    List<List<String>> keys = relationships.of(table.name()).stream()
        .map(link -> names(table, link.columns())).toList();
    return new GraphTable(table.name(), relationships.edge(table.name()) != null,
        names(table, table.primaryKey()), indexes, keys);
  }

  private static List<String> names(TableSchema table, List<Integer> columns) {
    return columns.stream().map(c -> table.column(c).name()).toList();
  }

  private GraphObject object(TableSchema table, String name, List<String> properties,
      boolean unique) {
    String label = names.label(table.name());
    boolean edge = relationships.edge(table.name()) != null;
    List<String> quoted = properties.stream().map(Names::quote).toList();
    String command = unique
        ? dialect.uniqueConstraint(Names.quote(name), Names.quote(label), edge, quoted)
        : dialect.index(Names.quote(name), Names.quote(label), edge, quoted);
    return new GraphObject(table.name(), name, edge, label, properties, unique, command);
  }

  /**
   * The statements after a push that make {@code toasty_live} agree with each record's marker
   * ({@link LiveNodes#repair}): records written before their model was soft-deleted or its
   * index unique, or by raw Cypher. Data writes, which Neo4j runs apart from schema commands.
   */
  public List<String> repairs() {
    List<String> out = new ArrayList<>();
    for (TableSchema table : schema.tables()) {
      String repair = live.repair(table.name(), "MATCH " + on(table).replace("]-()", "]->()"));
      if (repair != null) {
        out.add(repair);
      }
    }
    return out;
  }

  /** Whether the server lists constraints and indexes by the names push gives them. */
  public boolean named() {
    return dialect.schemaSyntax() == CypherDialect.SchemaSyntax.FOR_REQUIRE;
  }

  /**
   * The statements after a push that wait until its range indexes are online (constraints are
   * built before their command returns): one per index, by its name, as the dialect has it;
   * none where the dialect builds an index before the command returns.
   */
  public List<String> awaitIndexes() {
    List<String> out = new ArrayList<>();
    if (dialect.awaitIndex().isEmpty()) {
      return out;
    }
    for (GraphObject object : objects()) {
      if (!object.unique()) {
        String name = object.name().replace("\\", "\\\\").replace("'", "\\'");
        out.add(String.format(dialect.awaitIndex(), "'" + name + "'"));
      }
    }
    return out;
  }

  /** Whether a push runs its commands in one transaction (else each on its own). */
  public boolean inOneTransaction() {
    return dialect.schemaTransaction();
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
}
