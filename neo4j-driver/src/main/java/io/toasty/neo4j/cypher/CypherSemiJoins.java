package io.toasty.neo4j.cypher;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Nullability;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A relation filter as a relationship pattern. The planner asks no backend how to filter on a
 * relation: {@code Authors.ARTICLES.any(f)} is the semi-join {@code author.id IN (SELECT
 * article.authorId FROM articles WHERE authorId IS NOT NULL AND f)}, and a belongs-to's {@code
 * article.authorId IN (SELECT author.id FROM authors WHERE f)}. When the semi-join compares a
 * foreign key that is a relationship ({@link Relationships}) with the key it refers to, it is
 * rendered as {@code EXISTS { MATCH (m:Article), (m)-[:AUTHOR]->(v) WHERE f }}, expanding from
 * the outer node {@code v} over its relationships instead of collecting every article's key (a
 * scan of the label per row) and testing membership.
 *
 * <p>SQL's {@code IN} is unknown, not false, for a NULL operand; {@code EXISTS} is false. A
 * top-level conjunct of a {@code WHERE} treats both alike; elsewhere (under NOT or OR) a nullable
 * operand is tested first: {@code CASE WHEN operand IS NULL THEN null ELSE EXISTS {..} END}.
 */
final class CypherSemiJoins {
  private CypherSemiJoins() {}

  /** Renders {@code in} as a pattern and returns true, or renders nothing and returns false. */
  static boolean render(CypherWalk walk, ExprNode.InSubquery in, boolean topLevel) {
    Query q = in.query();
    if (!(q.source() instanceof Source.Table t) || t.join() != null || !q.orderBy().isEmpty()
        || q.limit() != null || !(q.returning() instanceof Returning.Project p)) {
      return false;
    }
    List<ExprNode.Column> operand = columns(in.operand());
    List<ExprNode.Column> projected = columns(p.exprs().size() == 1 ? p.exprs().get(0)
        : new ExprNode.Record(p.exprs()));
    if (operand == null || projected == null || operand.size() != projected.size()
        || !sameTable(operand) || !sameTable(projected)
        || !projected.get(0).table().equals(t.table())) {
      return false;
    }
    String outerTable = operand.get(0).table();
    String outer = walk.variableOf(outerTable);
    if (outer == null) {
      return false;
    }
    Relationships.Link link = linkFrom(walk, t.table(), outerTable, projected, operand);
    boolean fromInner = link != null;
    if (link == null) {
      link = linkFrom(walk, outerTable, t.table(), operand, projected);
    }
    if (link == null) {
      return false;
    }
    boolean nullable = !topLevel && Nullability.mayBeNull(walk.schema(), in.operand());
    if (nullable && operand.size() > 1) {
      return false; // a row with one NULL part: SQL's IN is unknown or false, by the other parts
    }
    Relationships.Link l = link;
    StringBuilder out = walk.out();
    if (nullable) {
      out.append("CASE WHEN ");
      walk.expr(in.operand());
      out.append(" IS NULL THEN null ELSE ");
    }
    out.append("EXISTS { ");
    // A join model stored as a relationship: the relationship's end is the other node itself.
    boolean innerEdge = fromInner && walk.relationships().edge(t.table()) != null;
    String outerEnd = !fromInner && walk.relationships().edge(outerTable) != null
        ? walk.linkedTo(outer, l.key()) : null;
    walk.close(walk.match(q.source(), withoutKeyTests(q.filter(), projected), outerEnd,
        innerEdge ? Map.of(l.key(), outer) : Map.of(), inner -> {
          if (innerEdge || outerEnd != null) {
            return;
          }
          String from = fromInner ? inner : outer;
          pattern(walk, l, from, fromInner ? outer : inner);
          walk.linked(from, l.key(), fromInner ? outer : inner);
        }));
    out.append(" }");
    if (nullable) {
      out.append(" END");
    }
    return true;
  }

  /**
   * The link of {@code from} whose foreign key is {@code fk} (in any order) referring to
   * {@code key} of {@code to}, position by position, or null.
   */
  private static Relationships.@Nullable Link linkFrom(CypherWalk walk, String from, String to,
      List<ExprNode.Column> fk, List<ExprNode.Column> key) {
    for (Relationships.Link link : walk.relationships().of(from)) {
      if (link.target().equals(to) && link.columns().size() == fk.size()
          && fk.stream().map(ExprNode.Column::index).distinct().count() == fk.size()
          && refers(link, fk, key)) {
        return link;
      }
    }
    return null;
  }

  private static boolean refers(Relationships.Link link, List<ExprNode.Column> fk,
      List<ExprNode.Column> key) {
    for (int i = 0; i < fk.size(); i++) {
      int position = link.position(fk.get(i).index());
      if (position < 0 || link.targetColumns().get(position) != key.get(i).index()) {
        return false;
      }
    }
    return true;
  }

  /** {@code , (from)-[:TYPE]->(to)}, or {@code <-[:TYPE]-} for a reversed link. */
  static void pattern(CypherWalk walk, Relationships.Link link, String from, String to) {
    StringBuilder out = walk.out();
    out.append(", (").append(from).append(')');
    link.arrow(out, "");
    out.append('(').append(to).append(')');
  }

  /**
   * The filter without its {@code NOT (c IS NULL)} tests of the projected columns: the
   * relationship exists only between nodes whose key and foreign key are set.
   */
  private static ExprNode withoutKeyTests(ExprNode filter, List<ExprNode.Column> projected) {
    List<ExprNode> kept = new ArrayList<>();
    for (ExprNode conjunct : CypherAnchors.conjuncts(filter)) {
      if (!(conjunct instanceof ExprNode.Not n && n.operand() instanceof ExprNode.IsNull isNull
          && projected.contains(unwrap(isNull.operand())))) {
        kept.add(conjunct);
      }
    }
    return kept.size() == 1 ? kept.get(0) : new ExprNode.And(kept);
  }

  /** The columns of a column or a record of columns, or null. */
  private static @Nullable List<ExprNode.Column> columns(ExprNode e) {
    List<ExprNode> parts = e instanceof ExprNode.Record r ? r.fields() : List.of(e);
    List<ExprNode.Column> out = new ArrayList<>(parts.size());
    for (ExprNode part : parts) {
      if (!(part instanceof ExprNode.Column c)) {
        return null;
      }
      out.add(c);
    }
    return out.isEmpty() ? null : out;
  }

  private static ExprNode unwrap(ExprNode e) {
    return e instanceof ExprNode.Record r && r.fields().size() == 1 ? r.fields().get(0) : e;
  }

  private static boolean sameTable(List<ExprNode.Column> columns) {
    return columns.stream().map(ExprNode.Column::table).distinct().count() == 1;
  }
}
