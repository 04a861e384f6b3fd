package io.toasty.neo4j.cypher;

import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.PathNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One rendering of one table-level statement as Cypher: appends the text and records each
 * parameter's source in the same step, so text and parameters cannot drift apart. A table is a
 * label, a row a node, a column a property; a statement's rows are the nodes {@code MATCH} binds
 * to one variable per (sub)query. A join model's rows are relationships instead
 * ({@link Relationships#edge}): its variable binds the relationship, and its pattern binds the
 * two end nodes, whose keys are its foreign keys.
 *
 * <p>This class holds the rendering's state and its scopes (the {@code MATCH} patterns and the
 * variables they bind), and is the context every part of the rendering is given: reads and
 * their clauses are written by {@link CypherReads}, updates and deletes by {@link CypherWrites},
 * assigned values by {@link CypherAssignments}, expressions by {@link CypherExprs}, node
 * patterns by {@link CypherNodes}.
 */
final class CypherWalk {
  static final String BACKEND = "neo4j";

  private final Schema schema;
  private final Names names;
  private final Relationships relationships;
  private final LiveNodes live;
  private final CypherDialect dialect;
  private final StringBuilder out = new StringBuilder(128);
  private final List<Param> params = new ArrayList<>();
  /** The node variable of each enclosing (sub)query, innermost first. */
  private final ArrayDeque<Scope> scopes = new ArrayDeque<>();
  /** Expressions already computed by a WITH (group keys, aggregates), by their alias. */
  private final Map<ExprNode, String> computed = new HashMap<>();
  private int variables;
  private List<Type> types = List.of();
  /** Whether an update's assigned value is being written (for the exact refusal's feature). */
  private boolean assigning;
  /** The guarded table (first) and columns; see {@link RenderedCypher#guarded()}. */
  private final List<String> guarded = new ArrayList<>();
  /**
   * The relationship patterns written so far in the open scopes, {@code from/TYPE} to the end
   * node's variable: a node has one relationship of a type, so a second pattern reuses the end
   * node (one {@code MATCH} never binds a relationship twice, so a second would match nothing).
   */
  private final List<Map.Entry<String, String>> linked = new ArrayList<>();
  /** The foreign keys the last {@code MATCH} anchored, read from their patterns' end nodes. */
  private Map<ExprNode.Column, String> anchoredLast = Map.of();
  /** The conjuncts of the WHERE being written, by identity: unknown and false alike there. */
  private final Set<ExprNode> topLevel = Collections.newSetFromMap(new IdentityHashMap<>());
  private final CypherReads reads;
  private final CypherWrites writes;
  private final CypherAssignments assignments;
  private final CypherExprs exprs;

  /** A (sub)query's node; {@code mark}: the size of {@link #linked} when it was opened. */
  record Scope(String table, String variable, int mark) {}

  CypherWalk(Schema schema, Names names, Relationships relationships, LiveNodes live,
      CypherDialect dialect) {
    this.schema = schema;
    this.names = names;
    this.relationships = relationships;
    this.live = live;
    this.dialect = dialect;
    this.reads = new CypherReads(this);
    this.writes = new CypherWrites(this);
    this.assignments = new CypherAssignments(this);
    this.exprs = new CypherExprs(this, reads);
  }

  /** A table-level path query ({@link CypherPaths}). */
  RenderedCypher render(PathNode path) {
    CypherPaths.render(this, path);
    return new RenderedCypher(out.toString(), params, true, types, guarded);
  }

  RenderedCypher render(StatementNode statement) {
    boolean rows;
    if (statement instanceof Query q) {
      reads.query(q);
      rows = true;
    } else if (statement instanceof UpdateNode u) {
      rows = writes.update(u);
    } else if (statement instanceof DeleteNode d) {
      rows = writes.delete(d);
    } else {
      rows = CypherInsert.render(this, (InsertNode) statement);
    }
    return new RenderedCypher(out.toString(), params, rows, types, guarded);
  }

  // ---- the parts, for one another and the renderings of other files -------------------------

  /** Writes {@code e}. */
  void expr(ExprNode e) {
    exprs.expr(e);
  }

  /** {@code RETURN count(*)} or the projection; whether rows come back. */
  boolean returning(Returning returning) {
    return reads.returning(returning);
  }

  /** An assignment's value, checked against its column's width (see {@link CypherAssignments}). */
  void assigned(TableSchema table, Assignment a) {
    assignments.assigned(table, a);
  }

  // ---- the rendering's state -----------------------------------------------------------------

  CypherDialect dialect() {
    return dialect;
  }

  /** Expressions already computed by a WITH (group keys, aggregates), by their alias. */
  Map<ExprNode, String> computed() {
    return computed;
  }

  /** The foreign keys the last {@code MATCH} anchored, read from their patterns' end nodes. */
  Map<ExprNode.Column, String> anchoredLast() {
    return anchoredLast;
  }

  /** Whether {@code e} is a conjunct of the WHERE being written (by identity). */
  boolean isTopLevel(ExprNode e) {
    return topLevel.contains(e);
  }

  /** The type of each returned column. */
  void types(List<Type> returned) {
    types = returned;
  }

  /** Whether an update's assigned value is being written. */
  boolean assigning() {
    return assigning;
  }

  void assigning(boolean writing) {
    assigning = writing;
  }

  /** The guarded table (first) and columns; see {@link RenderedCypher#guarded()}. */
  List<String> guarded() {
    return guarded;
  }

  // ---- scopes and patterns -------------------------------------------------------------------

  /** Appends each part: an expression rendered, anything else as its text. */
  void cypher(Object... parts) {
    for (Object part : parts) {
      if (part instanceof ExprNode e) {
        expr(e);
      } else {
        out.append(part);
      }
    }
  }

  /**
   * {@code MATCH (v:Label) WHERE filter}, opening a scope the caller closes. A joined table (the
   * many-to-many include reads its targets with their join rows) is a second node of the same
   * {@code MATCH}, its join columns equal to the first's, in a scope closed with the first.
   */
  Scope match(Source source, ExprNode filter) {
    return match(source, filter, v -> { });
  }

  /**
   * {@link #match(Source, ExprNode)} with further patterns, written by {@code patterns} (given the
   * node's variable) before the {@code WHERE}.
   */
  Scope match(Source source, ExprNode filter, Consumer<String> patterns) {
    return match(source, filter, null, Map.of(), patterns);
  }

  /**
   * {@link #match(Source, ExprNode, Consumer)} whose node is {@code variable} when not null (a node
   * the enclosing statement has bound already), and whose ends, for a join model stored as a
   * relationship, are the bound variables {@code ends} gives by link key.
   */
  Scope match(Source source, ExprNode filter, @Nullable String variable,
      Map<String, String> ends,
      Consumer<String> patterns) {
    Scope scope = variable == null ? open(source) : open(source, variable);
    out.append("MATCH ");
    CypherNodes.node(this, scope, ends);
    patterns.accept(scope.variable());
    if (source instanceof Source.Table t && t.join() != null) {
      Source.Join join = t.join();
      Scope joined = new Scope(schema.table(join.table()).name(), "n" + variables++,
          linked.size());
      scopes.push(joined);
      out.append(", ");
      CypherNodes.node(this, joined, joinedEnds(joined.table(), join.columns(), scope));
      List<ExprNode> on = new ArrayList<>();
      for (int i = 0; i < join.columns().size(); i++) {
        on.add(ExprNode.eq(new ExprNode.Column(joined.table(), join.columns().get(i)),
            new ExprNode.Column(scope.table(), join.on().get(i))));
      }
      on.add(filter);
      filter = new ExprNode.And(on);
    }
    anchoredWhere(filter);
    return scope;
  }

  /**
   * The {@code MATCH}'s patterns for its conjuncts on relationships ({@link CypherAnchors}), then
   * its {@code WHERE}, each anchored conjunct reading the relationship's end node.
   */
  private void anchoredWhere(ExprNode filter) {
    Map<String, String> variables = new HashMap<>();
    for (Scope s : scopes) {
      variables.putIfAbsent(s.table(), s.variable());
    }
    List<ExprNode> all = CypherAnchors.conjuncts(filter);
    Set<ExprNode> joined = CypherAnchors.joins(this, variables, all);
    List<ExprNode> conjuncts = all.stream().filter(c -> !joined.contains(c)).toList();
    Map<ExprNode.Column, String> anchored = CypherAnchors.anchor(this, variables, conjuncts);
    if (anchored.isEmpty()) {
      where(joined.isEmpty() ? filter : conjuncts.size() == 1 ? conjuncts.get(0)
          : new ExprNode.And(conjuncts));
      anchoredLast = Map.of();
      return;
    }
    topLevel.addAll(conjuncts);
    out.append(" WHERE ");
    for (int i = 0; i < conjuncts.size(); i++) {
      out.append(i > 0 ? " AND " : "");
      ExprNode.Column c = CypherAnchors.column(this, variables, conjuncts.get(i));
      String alias = c == null ? null : anchored.get(c);
      if (alias != null) {
        computed.put(c, alias);
      }
      expr(conjuncts.get(i));
      if (alias != null) {
        computed.remove(c);
      }
    }
    topLevel.removeAll(conjuncts);
    anchoredLast = anchored;
  }

  /** A scope binding {@code table}'s rows to {@code variable}, which the caller closes. */
  Scope bind(String table, String variable) {
    return open(new Source.Table(table), variable);
  }

  Scope open(Source source) {
    return open(source, "n" + variables++);
  }

  private Scope open(Source source, String variable) {
    TableSchema table = table(source);
    Scope scope = new Scope(table.name(), variable, linked.size());
    scopes.push(scope);
    return scope;
  }

  /**
   * For a joined join model stored as a relationship: the end its join columns name is the
   * node it is joined to, {@code to}.
   */
  private Map<String, String> joinedEnds(String table, List<Integer> columns, Scope to) {
    Relationships.Edge edge = relationships.edge(table);
    if (edge == null) {
      return Map.of();
    }
    for (Relationships.Link link : List.of(edge.start(), edge.end())) {
      if (!link.stored() && link.columns().equals(columns) && link.target().equals(to.table())) {
        return Map.of(link.key(), to.variable());
      }
    }
    return Map.of();
  }

  /**
   * Closes {@code scope} and the scopes opened after it (its joined table's), forgetting the
   * relationship patterns written in them: their variables are out of scope now.
   */
  void close(Scope scope) {
    Scope top;
    do {
      top = scopes.pop();
    } while (top != scope && !scopes.isEmpty());
    linked.subList(scope.mark(), linked.size()).clear();
  }

  /** Records the pattern {@code (from)-[:type]->(to)} written in the innermost scope. */
  void linked(String from, String type, String to) {
    linked.add(Map.entry(from + "/" + type, to));
  }

  /** The end node of a pattern {@code (from)-[:type]->(..)} in scope, or null. */
  @Nullable String linkedTo(String from, String type) {
    String key = from + "/" + type;
    for (int i = linked.size() - 1; i >= 0; i--) {
      if (linked.get(i).getKey().equals(key)) {
        return linked.get(i).getValue();
      }
    }
    return null;
  }

  /** The variable of the innermost scope on {@code table}, or null. */
  @Nullable String variableOf(String table) {
    for (Scope s : scopes) {
      if (s.table().equals(table)) {
        return s.variable();
      }
    }
    return null;
  }

  /**
   * The variable of the outermost scope on {@code table}, which an {@code ExprNode.Outer} reads
   * (the record a relation's count is for, whose subquery may match the same label), or null.
   */
  @Nullable String outerVariableOf(String table) {
    for (Iterator<Scope> it = scopes.descendingIterator(); it.hasNext(); ) {
      Scope s = it.next();
      if (s.table().equals(table)) {
        return s.variable();
      }
    }
    return null;
  }

  Schema schema() {
    return schema;
  }

  String label(String table) {
    return names.label(table);
  }

  /** A variable no other part of the statement uses. */
  String fresh() {
    return "n" + variables++;
  }

  /** The property name of {@code column} of {@code table}. */
  String columnName(String table, int column) {
    return schema.table(table).column(column).name();
  }

  Relationships relationships() {
    return relationships;
  }

  /** The tables whose live records hold {@code toasty_live} ({@link LiveNodes}). */
  LiveNodes live() {
    return live;
  }

  String variable(Scope scope) {
    return scope.variable();
  }

  void where(ExprNode filter) {
    if (!isTrue(filter)) {
      List<ExprNode> conjuncts = CypherAnchors.conjuncts(filter);
      topLevel.addAll(conjuncts);
      out.append(" WHERE ");
      expr(filter);
      topLevel.removeAll(conjuncts);
    }
  }

  // ---- expressions ---------------------------------------------------------------------------

  void param(Param p) {
    out.append("$p").append(params.size());
    params.add(p);
  }

  StringBuilder out() {
    return out;
  }

  TableSchema table(Source source) {
    if (!(source instanceof Source.Table t)) {
      throw new IllegalArgumentException("a table-level statement reads a table, not " + source);
    }
    return schema.table(t.table());
  }

  static boolean isTrue(ExprNode e) {
    return e instanceof ExprNode.Const c && c.value().equals(Value.TRUE)
        || e instanceof ExprNode.And a && a.operands().isEmpty();
  }

  /** The type of a column, for the insert's row maps. */
  Type columnType(TableSchema table, int column) {
    return table.column(column).type();
  }
}
