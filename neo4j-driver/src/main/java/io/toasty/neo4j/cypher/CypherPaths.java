package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.Source;

/**
 * A table-level {@link PathNode} as one Cypher pattern of variable length: the hop's edge is a
 * relationship type (a join model stored as a relationship, or a foreign key's relationship),
 * followed {@code min} to {@code max} times.
 *
 * <pre>{@code
 * MATCH (s:`Person`) WHERE <start>
 * MATCH p = (s)-[:`PQ_FOLLOWS`*1..3]->(n:`Person`)
 * WHERE all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))
 *   AND all(r IN relationships(p) WHERE <links>) AND <reached>
 *   AND all(x IN nodes(p) WHERE <nodes>)
 * RETURN n.`id` AS c0, .., length(p) AS c3 ORDER BY c3
 * }</pre>
 *
 * <p>A path visits a node once, as the SQL backends' visited column keeps it (Cypher alone only
 * keeps a relationship from repeating). {@code DISTINCT} keeps each node with its least length
 * ({@code WITH n, min(length(p))}); {@code SHORTEST} is {@code shortestPath(..)} between the start
 * nodes and the nodes that match the filter, the nearest first.
 */
final class CypherPaths {
  private CypherPaths() {}

  static void render(CypherWalk walk, PathNode path) {
    if (!(path.hop() instanceof PathNode.Hop.Edge edge)) {
      throw new IllegalArgumentException("model-level path reached the Cypher renderer: " + path);
    }
    StringBuilder out = walk.out();
    TableSchema table = walk.schema().table(path.source());
    Source source = new Source.Table(table.name());
    String label = walk.label(table.name());
    CypherWalk.Scope start = walk.bind(table.name(), "s");
    out.append("MATCH (s:");
    Names.quote(out, label);
    out.append(')');
    walk.where(path.start());
    walk.close(start);
    boolean shortest = path.mode() == PathNode.Mode.SHORTEST && path.min() <= 1;
    CypherWalk.Scope reached = walk.bind(table.name(), "n");
    if (shortest) {
      out.append(" MATCH (n:");
      Names.quote(out, label);
      out.append(')');
      walk.where(path.reached());
      out.append(" MATCH p = shortestPath((s)");
      hop(walk, path, edge);
      out.append("(n))");
      out.append(" WHERE s <> n");
    } else {
      out.append(" MATCH p = (s)");
      hop(walk, path, edge);
      out.append("(n:");
      Names.quote(out, label);
      out.append(") WHERE all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))");
      condition(walk, path.reached());
    }
    all(walk, edge.table(), "r", "relationships(p)", edge.filter());
    all(walk, table.name(), "x", "nodes(p)", path.nodes());
    returned(walk, path, table, source);
    walk.close(reached);
  }

  /** {@code -[:TYPE*min..max]->}, pointing the way the edge leads from a node to the next. */
  private static void hop(CypherWalk walk, PathNode path, PathNode.Hop.Edge edge) {
    StringBuilder out = walk.out();
    Relationships.Edge joined = walk.relationships().edge(edge.table());
    String type;
    boolean backwards;
    if (joined != null) {
      type = walk.label(edge.table());
      backwards = !joined.start().columns().equals(edge.from());
    } else {
      Relationships.Link link = link(walk, edge);
      type = link.type();
      // the link points from the node holding the key (its columns) to the node it refers to
      backwards = link.columns().equals(edge.from()) != link.reversed();
    }
    out.append(backwards ? "<-[:" : "-[:");
    Names.quote(out, type);
    out.append('*').append(path.min()).append("..").append(path.max());
    out.append(backwards ? "]-" : "]->");
  }

  /** The foreign key's relationship the edge follows, one way or the other. */
  private static Relationships.Link link(CypherWalk walk, PathNode.Hop.Edge edge) {
    for (Relationships.Link l : walk.relationships().of(edge.table())) {
      if (l.target().equals(edge.table())
          && (l.columns().equals(edge.to()) || l.columns().equals(edge.from()))) {
        return l;
      }
    }
    throw new UnsupportedFeatureException(Feature.PATH_QUERIES, CypherWalk.BACKEND,
        "a path over " + edge.table() + " columns " + edge.from() + " -> " + edge.to()
        + ", which no relationship stores");
  }

  /**
   * {@code AND all(v IN list WHERE condition)}, {@code v} standing for a row of {@code table}:
   * the links' condition over {@code relationships(p)} (the join model's properties), the
   * visitable rows' over {@code nodes(p)} (the live nodes of a soft-deleted label, the start and
   * end included).
   */
  private static void all(CypherWalk walk, String table, String variable, String list,
      ExprNode condition) {
    if (CypherWalk.isTrue(condition)) {
      return;
    }
    CypherWalk.Scope v = walk.bind(table, variable);
    walk.out().append(" AND all(").append(variable).append(" IN ").append(list)
        .append(" WHERE ");
    walk.expr(condition);
    walk.out().append(')');
    walk.close(v);
  }

  private static void condition(CypherWalk walk, ExprNode filter) {
    if (!CypherWalk.isTrue(filter)) {
      walk.out().append(" AND (");
      walk.expr(filter);
      walk.out().append(')');
    }
  }

  /** The node's columns and the path's length, nearest first. */
  private static void returned(CypherWalk walk, PathNode path, TableSchema table,
      Source source) {
    StringBuilder out = walk.out();
    String length = "length(p)";
    if (path.mode() == PathNode.Mode.DISTINCT) {
      out.append(" WITH n, min(length(p)) AS d");
      length = "d";
    }
    out.append(" RETURN ");
    int columns = table.columns().size();
    for (int c = 0; c < columns; c++) {
      walk.expr(new ExprNode.Column(table.name(), c));
      out.append(" AS c").append(c).append(", ");
    }
    out.append(length).append(" AS c").append(columns).append(" ORDER BY c").append(columns);
    if (path.mode() == PathNode.Mode.SHORTEST) {
      out.append(" LIMIT 1");
    }
  }
}
