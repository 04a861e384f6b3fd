package io.toasty.neo4j.cypher;

import io.toasty.schema.Schema;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.StatementNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Renders table-level statements as parameterized Cypher, once per statement shape: a cached
 * plan sends the same statement (values are argument slots) on every execution, so the text and
 * its parameter sources are kept, up to {@value #CACHE_SIZE} shapes.
 */
public final class CypherRenderer {
  private static final int CACHE_SIZE = 512;

  private final Schema schema;
  private final Names names;
  private final Relationships relationships;
  private final LiveNodes live;
  private final CypherDialect dialect;
  private final Map<StatementNode, RenderedCypher> cache = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StatementNode, RenderedCypher> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  /** A renderer of Neo4j's Cypher. */
  public CypherRenderer(Schema schema, Names names) {
    this(schema, names, CypherDialect.NEO4J);
  }

  /** A renderer of {@code dialect}'s Cypher. */
  public CypherRenderer(Schema schema, Names names, CypherDialect dialect) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.names = Objects.requireNonNull(names, "names");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.relationships = new Relationships(schema);
    this.live = new LiveNodes(schema);
  }

  /** How this renderer names tables and columns in the graph. */
  public Names names() {
    return names;
  }

  /** A table-level path query as Cypher ({@link CypherPaths}); not cached: built per run. */
  public RenderedCypher render(PathNode path) {
    Objects.requireNonNull(path, "path");
    return new CypherWalk(schema, names, relationships, live, dialect).render(path);
  }

  /** The statement as Cypher; refusals are {@code UnsupportedFeatureException}s. */
  public RenderedCypher render(StatementNode statement) {
    RenderedCypher done = cache.get(statement);
    if (done == null) {
      done = new CypherWalk(schema, names, relationships, live, dialect).render(statement);
      cache.put(statement, done);
    }
    return done;
  }
}
