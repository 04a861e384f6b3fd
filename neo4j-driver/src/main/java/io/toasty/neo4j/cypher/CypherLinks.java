package io.toasty.neo4j.cypher;

import java.util.List;

/**
 * Foreign keys as relationships ({@link Relationships}): a foreign key column read from the
 * relationship's end node, and the write that sets a node's relationship to the node its new
 * foreign key values name.
 */
final class CypherLinks {
  private CypherLinks() {}

  /** {@code head([(v)-[:TYPE]->(x:Target) | x.key])} (or {@code <-[:TYPE]-}): the column's value, NULL without one. */
  static void read(CypherWalk walk, Relationships.Link link, int column, String variable) {
    StringBuilder out = walk.out();
    String x = walk.fresh();
    out.append("head([(").append(variable).append(')');
    link.arrow(out, "");
    out.append('(').append(x).append(':');
    Names.quote(out, walk.label(link.target()));
    out.append(") | ").append(x).append('.');
    Names.quote(out, walk.columnName(link.target(),
        link.targetColumns().get(link.position(column))));
    out.append("])");
  }

  /**
   * Sets {@code n}'s relationship of {@code link} to the node whose referenced columns hold
   * {@code values} (Cypher expressions, one per foreign key column): the old relationship is
   * deleted when {@code moves}; none is made when a value is NULL (as SQL's foreign keys, which
   * hold for a key with no NULL part); and a target that does not exist fails the statement, so
   * nothing of it is written, with {@link Relationships#MISSING_TARGET}. {@code imported} are the further
   * variables {@code values} read.
   */
  static void write(CypherWalk walk, Relationships.Link link, String n, List<String> values,
      String imported, boolean moves) {
    StringBuilder out = walk.out();
    String t = walk.fresh();
    String x = walk.fresh();
    String with = imported.isEmpty() ? n : n + ", " + imported;
    // Cypher wants a WITH between a write clause and CALL.
    out.append(" WITH ").append(with).append(" CALL { WITH ").append(with);
    if (moves) {
      String old = walk.fresh();
      out.append(" OPTIONAL MATCH (").append(n).append(')');
      link.arrow(out, old);
      out.append("(:");
      Names.quote(out, walk.label(link.target()));
      out.append(") DELETE ").append(old).append(" WITH DISTINCT ").append(with);
    }
    out.append(" OPTIONAL MATCH (").append(t).append(':');
    Names.quote(out, walk.label(link.target()));
    out.append(" {");
    for (int i = 0; i < values.size(); i++) {
      out.append(i > 0 ? ", " : "");
      Names.quote(out, walk.columnName(link.target(), link.targetColumns().get(i)));
      out.append(": ").append(values.get(i));
    }
    out.append("}) FOREACH (").append(x).append(" IN CASE WHEN ").append(t)
        .append(" IS NOT NULL THEN [").append(t).append("] WHEN ");
    for (int i = 0; i < values.size(); i++) {
      out.append(i > 0 ? " OR " : "").append(values.get(i)).append(" IS NULL");
    }
    out.append(" THEN [] ELSE [date('").append(Relationships.MISSING_TARGET).append(':')
        .append(literal(link.model())).append(':').append(literal(link.field())).append(":'");
    for (int i = 0; i < values.size(); i++) {
      // the missing key, for the error (no other value of the node)
      out.append(i > 0 ? " + ',' + " : " + ").append("toString(").append(values.get(i))
          .append(')');
    }
    out.append(")] END | CREATE (").append(n).append(')');
    link.arrow(out, "");
    out.append('(').append(x).append(")) }");
  }

  /** A model or field name inside a Cypher string literal (Java identifiers need no escape). */
  private static String literal(String name) {
    return name.replace("\\", "\\\\").replace("'", "\\'");
  }
}
