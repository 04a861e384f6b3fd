package io.toasty.neo4j.cypher;

import io.toasty.neo4j.cypher.CypherWalk.Scope;
import java.util.Map;

/**
 * A scope's node pattern, {@code (v:Label)}, or for a join model stored as a relationship the
 * pattern of the relationship and its two end nodes; and the variables a {@code WITH} carries
 * to keep that pattern bound.
 */
final class CypherNodes {
  private CypherNodes() {
  }

  static void node(CypherWalk walk, Scope scope) {
    node(walk, scope, Map.of());
  }

  /**
   * {@code (v:Label)}; for a join model stored as a relationship ({@link Relationships#edge}),
   * {@code (s:Start)-[v:Type]->(e:End)} instead, an end given in {@code ends} (by its link's
   * key) being that variable, already bound, and the ends recorded as the patterns of {@code v}'s
   * foreign keys.
   */
  static void node(CypherWalk walk, Scope scope, Map<String, String> ends) {
    StringBuilder out = walk.out();
    Relationships.Edge edge = walk.relationships().edge(scope.table());
    if (edge == null) {
      out.append('(').append(scope.variable()).append(':');
      Names.quote(out, walk.label(scope.table()));
      out.append(')');
      return;
    }
    String start = end(walk, edge.start(), ends);
    out.append("-[").append(scope.variable()).append(':');
    Names.quote(out, walk.label(scope.table()));
    out.append("]->");
    String finish = end(walk, edge.end(), ends);
    walk.linked(scope.variable(), edge.start().key(), start);
    walk.linked(scope.variable(), edge.end().key(), finish);
  }

  /** One end of an edge's pattern: the bound variable, or a fresh one with its label. */
  private static String end(CypherWalk walk, Relationships.Link link,
      Map<String, String> ends) {
    StringBuilder out = walk.out();
    String bound = ends.get(link.key());
    if (bound != null) {
      out.append('(').append(bound).append(')');
      return bound;
    }
    String v = walk.fresh();
    out.append('(').append(v).append(':');
    Names.quote(out, walk.label(link.target()));
    out.append(')');
    return v;
  }

  /** The variables a {@code WITH} carries for {@code scope}: its own and an edge's ends. */
  static String carried(CypherWalk walk, Scope scope) {
    Relationships.Edge edge = walk.relationships().edge(scope.table());
    if (edge == null) {
      return scope.variable();
    }
    return scope.variable() + ", " + walk.linkedTo(scope.variable(), edge.start().key()) + ", "
        + walk.linkedTo(scope.variable(), edge.end().key());
  }
}
