package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.db.TableSchema;
import java.util.List;

/**
 * The write of a join model stored as one relationship ({@link Relationships.Edge}): each row's
 * two end nodes are found by their foreign key values, and the relationship is created between
 * them. An end its values name no node of fails the statement, so that nothing of it is written,
 * with {@link Relationships#MISSING_TARGET} naming the foreign key, as a node's relationship does.
 */
final class CypherEdges {
  private CypherEdges() {}

  /**
   * Appends {@code OPTIONAL MATCH (s:Start {key: r.fk}) ..} for both ends and the {@code WITH}
   * that fails on a missing one, and returns the pattern {@code (s)-[n:`Type`]->(t)} for the
   * {@code CREATE} or {@code MERGE} that follows.
   */
  static String ends(CypherWalk walk, TableSchema table, Relationships.Edge edge,
      List<Integer> columns, String row) {
    StringBuilder out = walk.out();
    String start = find(walk, table, edge.start(), columns, row);
    out.append(' ');
    String end = find(walk, table, edge.end(), columns, row);
    String s = walk.fresh();
    String t = walk.fresh();
    out.append(" WITH ").append(row).append(", ");
    required(out, edge.start(), start);
    out.append(" AS ").append(s).append(", ");
    required(out, edge.end(), end);
    out.append(" AS ").append(t);
    StringBuilder pattern = new StringBuilder("(").append(s).append(")-[")
        .append(walk.variableOf(table.name())).append(':');
    Names.quote(pattern, walk.label(table.name()));
    return pattern.append("]->(").append(t).append(')').toString();
  }

  /** {@code OPTIONAL MATCH (x:Target {key: r.fk, ..})}; returns {@code x}. */
  private static String find(CypherWalk walk, TableSchema table, Relationships.Link link,
      List<Integer> columns, String row) {
    StringBuilder out = walk.out();
    String x = walk.fresh();
    out.append("OPTIONAL MATCH (").append(x).append(':');
    Names.quote(out, walk.label(link.target()));
    out.append(" {");
    for (int i = 0; i < link.columns().size(); i++) {
      int column = link.columns().get(i);
      if (!columns.contains(column)) {
        throw new UnsupportedFeatureException(Feature.UPDATE_EXPRESSION, CypherWalk.BACKEND,
            "a join record without its foreign key " + table.column(column).name()
            + ": it is a relationship, which needs both its ends");
      }
      out.append(i > 0 ? ", " : "");
      Names.quote(out, walk.columnName(link.target(), link.targetColumns().get(i)));
      out.append(": ").append(row).append('.');
      Names.quote(out, table.column(column).name());
    }
    out.append("})");
    return x;
  }

  /** {@code CASE WHEN x IS NULL THEN date('marker:Model:field') ELSE x END}. */
  private static void required(StringBuilder out, Relationships.Link link, String x) {
    out.append("CASE WHEN ").append(x).append(" IS NULL THEN date('")
        .append(Relationships.MISSING_TARGET).append(':').append(link.model()).append(':')
        .append(link.field()).append("') ELSE ").append(x).append(" END");
  }
}
