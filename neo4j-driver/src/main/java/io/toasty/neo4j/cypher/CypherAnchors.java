package io.toasty.neo4j.cypher;

import io.toasty.stmt.ExprNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters on a foreign key that is a relationship ({@link Relationships}), anchored on it. A
 * top-level conjunct {@code fk = v} or {@code fk IN [..]} over a node of the statement's own
 * {@code MATCH} becomes a pattern of that {@code MATCH}, {@code (n)-[:T]->(x:Target)}, and the
 * conjunct tests {@code x.key} instead: Cypher can then seek the target by its indexed key and
 * expand to the nodes that refer to it, where reading the column ({@link CypherLinks#read}) in
 * the {@code WHERE} made it scan every node of the label (every pair, in a join).
 *
 * <p>Only a top-level conjunct: a node without the relationship has the foreign key NULL, so such
 * a conjunct is unknown and the row excluded, which is what the pattern does too. Under NOT or OR
 * the column is read as before, keeping SQL's NULL logic. A node has at most one relationship of
 * a type (one foreign key), so the pattern never repeats a row.
 *
 * <p>A conjunct {@code u.fk = w.key} between two nodes of the statement (the many-to-many
 * include's join row and target; a relation's count correlated on the outer record, its key an
 * {@code ExprNode.Outer}, a node of the same label in a self relation) is the pattern
 * {@code (u)-[:T]->(w)} alone ({@link #joins}): written as a comparison, Cypher would pair every
 * node of one label with every node of the other and then filter the pairs.
 */
final class CypherAnchors {
  private CypherAnchors() {}

  /**
   * Appends the patterns for {@code conjuncts} to the {@code MATCH} being written, and returns,
   * per anchored column, the expression ({@code x.key}) that stands for it in the WHERE.
   * {@code variables} maps each table of the {@code MATCH} to its node variable.
   */
  static Map<ExprNode.Column, String> anchor(CypherWalk walk, Map<String, String> variables,
      List<ExprNode> conjuncts) {
    Map<ExprNode.Column, String> anchored = new HashMap<>();
    for (ExprNode conjunct : conjuncts) {
      ExprNode.Column c = column(walk, variables, conjunct);
      if (c == null || anchored.containsKey(c)) {
        continue;
      }
      String variable = Objects.requireNonNull(variables.get(c.table()), "an anchored table");
      Relationships.Link link = Objects.requireNonNull(
          walk.relationships().virtual(c.table(), c.index()), "an anchored column is virtual");
      String x = walk.linkedTo(variable, link.key());
      if (x == null) {
        x = walk.fresh();
        pattern(walk, link, variable, x);
      }
      StringBuilder name = new StringBuilder(x).append('.');
      Names.quote(name, walk.columnName(link.target(),
          link.targetColumns().get(link.position(c.index()))));
      anchored.put(c, name.toString());
    }
    return anchored;
  }

  /** {@code , (v)-[:T]->(x:Target)}. */
  private static void pattern(CypherWalk walk, Relationships.Link link, String variable,
      String x) {
    StringBuilder label = new StringBuilder(x).append(':');
    Names.quote(label, walk.label(link.target()));
    CypherSemiJoins.pattern(walk, link, variable, label.toString());
    walk.linked(variable, link.key(), x);
  }

  /**
   * Appends {@code , (u)-[:T]->(w)} for each conjunct {@code u.fk = w.key} of a single-column
   * relationship between two nodes in scope, and returns those conjuncts (by identity): the pattern
   * is all they test.
   */
  static Set<ExprNode> joins(
      CypherWalk walk, Map<String, String> variables, List<ExprNode> conjuncts) {
    Set<ExprNode> joined = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ExprNode conjunct : conjuncts) {
      if (conjunct instanceof ExprNode.Compare c && c.op() == ExprNode.CompareOp.EQ
          && (join(walk, variables, c.left(), c.right())
              || join(walk, variables, c.right(), c.left()))) {
        joined.add(conjunct);
      }
    }
    return joined;
  }

  private static boolean join(CypherWalk walk, Map<String, String> variables, ExprNode fk,
      ExprNode key) {
    ExprNode keyColumn = unwrap(key) instanceof ExprNode.Outer o ? o.operand() : unwrap(key);
    if (!(unwrap(fk) instanceof ExprNode.Column f && keyColumn instanceof ExprNode.Column k)) {
      return false;
    }
    String from = variables.get(f.table());
    String to = keyColumn == unwrap(key) ? variables.get(k.table())
        : walk.outerVariableOf(k.table());
    if (from == null || to == null) {
      return false;
    }
    for (Relationships.Link link : walk.relationships().of(f.table())) {
      if (!link.columns().equals(List.of(f.index())) || !link.target().equals(k.table())
          || link.targetColumns().get(0) != k.index()) {
        continue;
      }
      if (to.equals(walk.linkedTo(from, link.key()))) {
        return true; // a join model's relationship, written ending at the node already
      }
      if (walk.linkedTo(from, link.key()) == null) {
        CypherSemiJoins.pattern(walk, link, from, to);
        walk.linked(from, link.key(), to);
        return true;
      }
    }
    return false;
  }

  private static ExprNode unwrap(ExprNode e) {
    return e instanceof ExprNode.Record r && r.fields().size() == 1 ? r.fields().get(0) : e;
  }

  /**
   * The relationship's column of the {@code MATCH} that a conjunct compares for equality or list
   * membership, or null.
   */
  static ExprNode.@Nullable Column column(CypherWalk walk, Map<String, String> variables,
      ExprNode conjunct) {
    if (conjunct instanceof ExprNode.Compare c && c.op() == ExprNode.CompareOp.EQ) {
      ExprNode.Column left = virtual(walk, variables, c.left());
      return left != null ? left : virtual(walk, variables, c.right());
    }
    if (conjunct instanceof ExprNode.InList in && !in.items().isEmpty()) {
      return virtual(walk, variables, in.operand());
    }
    return null;
  }

  private static ExprNode.@Nullable Column virtual(
      CypherWalk walk, Map<String, String> variables, ExprNode e) {
    e = unwrap(e);
    return e instanceof ExprNode.Column c && variables.containsKey(c.table())
        && walk.relationships().virtual(c.table(), c.index()) != null ? c : null;
  }

  /** The conjuncts of {@code filter} ({@code AND}s flattened). */
  static List<ExprNode> conjuncts(ExprNode filter) {
    List<ExprNode> into = new ArrayList<>();
    flatten(filter, into);
    return into;
  }

  private static void flatten(ExprNode e, List<ExprNode> into) {
    if (e instanceof ExprNode.And and) {
      and.operands().forEach(o -> flatten(o, into));
    } else {
      into.add(e);
    }
  }
}
