package io.toasty.neo4j.cypher;

import io.toasty.Feature;
import io.toasty.UnsupportedFeatureException;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Delete;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Insert;
import io.toasty.stmt.Limit;
import io.toasty.stmt.Nullability;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.Statement;
import io.toasty.stmt.Update;
import io.toasty.value.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One rendering of one table-level statement as Cypher: appends the text and records each
 * parameter's source in the same step, so text and parameters cannot drift apart. A table is a
 * label, a row a node, a column a property; a statement's rows are the nodes {@code MATCH} binds
 * to one variable per (sub)query. A join model's rows are relationships instead
 * ({@link Relationships#edge}): its variable binds the relationship, and its pattern binds the
 * two end nodes, whose keys are its foreign keys.
 */
final class CypherWalk {
  static final String BACKEND = "neo4j";
  /** A property set and removed within one statement, only to take a node's write lock. */
  private static final String LOCK_PROPERTY = "`__toasty_lock`";
  /**
   * The function a guard calls, with a step of zero, to fail a statement whose computed value
   * does not fit its column: Cypher cannot raise an error of its own, and this one's message
   * ({@code range()}'s step) is told apart from every error a value can cause.
   */
  static final String OUT_OF_RANGE = "range";

  private final Schema schema;
  private final Names names;
  private final Relationships relationships;
  private final CypherDialect dialect;
  private final StringBuilder out = new StringBuilder(128);
  private final List<Param> params = new ArrayList<>();
  /** The node variable of each enclosing (sub)query, innermost first. */
  private final ArrayDeque<Scope> scopes = new ArrayDeque<>();
  /** Expressions already computed by a WITH (group keys, aggregates), by their alias. */
  private final Map<Expr, String> computed = new HashMap<>();
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
  private Map<Expr.Column, String> anchoredLast = Map.of();
  /** The conjuncts of the WHERE being written, by identity: unknown and false alike there. */
  private final Set<Expr> topLevel = Collections.newSetFromMap(new IdentityHashMap<>());

  /** A (sub)query's node; {@code mark}: the size of {@link #linked} when it was opened. */
  record Scope(String table, String variable, int mark) {}

  CypherWalk(Schema schema, Names names, Relationships relationships, CypherDialect dialect) {
    this.schema = schema;
    this.names = names;
    this.relationships = relationships;
    this.dialect = dialect;
  }

  RenderedCypher render(Statement statement) {
    boolean rows;
    if (statement instanceof Query q) {
      query(q);
      rows = true;
    } else if (statement instanceof Update u) {
      rows = update(u);
    } else if (statement instanceof Delete d) {
      rows = delete(d);
    } else {
      rows = CypherInsert.render(this, (Insert) statement);
    }
    return new RenderedCypher(out.toString(), params, rows, types, guarded);
  }

  // ---- statements ----------------------------------------------------------------------------

  private void query(Query q) {
    if (q.lock() != null) {
      throw new UnsupportedFeatureException(
          q.lock().mode() == io.toasty.stmt.RowLock.Mode.SHARE ? Feature.SHARED_ROW_LOCKS
              : Feature.ROW_LOCKS, BACKEND, "Cypher has no locking read");
    }
    Scope scope = match(q.source(), q.filter());
    // The anchored patterns' end nodes stay bound: RETURN and ORDER BY read the keys there.
    computed.putAll(anchoredLast);
    if (q.returning() instanceof Returning.Grouped g) {
      grouped(g);
    } else if (q.returning() instanceof Returning.Count) {
      out.append(" RETURN count(*) AS c0");
      types = List.of(Type.Scalar.I64);
    } else {
      out.append(" RETURN ");
      projection(q.returning());
    }
    orderBy(q.orderBy());
    limit(q.limit());
    close(scope);
  }

  private boolean update(Update u) {
    Scope scope = match(u.target(), u.filter());
    lockAndRecheck(scope, u.filter());
    TableSchema table = schema.table(scope.table());
    List<Relationships.Link> moved = moved(u);
    if (!moved.isEmpty() && relationships.edge(scope.table()) != null) {
      throw new UnsupportedFeatureException(Feature.UPDATE_EXPRESSION, BACKEND, "an update of "
          + "the join record's foreign key " + moved.get(0).field() + ": the record is a "
          + "relationship, whose ends cannot move; delete it and create another");
    }
    List<List<String>> linkValues = linkValues(table, u, scope, moved);
    List<Assignment> stored = u.assignments().stream()
        .filter(a -> relationships.virtual(table.name(), a.target()) == null).toList();
    if (!stored.isEmpty()) {
      // One map, evaluated whole before it is applied: every assignment reads the values the
      // node had before the update, as SQL's SET does.
      out.append(" SET ").append(scope.variable()).append(" += {");
      for (int i = 0; i < stored.size(); i++) {
        Assignment a = stored.get(i);
        if (i > 0) {
          out.append(", ");
        }
        Names.quote(out, table.column(a.target()).name());
        out.append(": ");
        assigned(table, a);
      }
      out.append('}');
    }
    for (int i = 0; i < moved.size(); i++) {
      CypherLinks.write(this, moved.get(i), scope.variable(), linkValues.get(i),
          String.join(", ", linkValues.get(i)), true);
    }
    boolean rows = returning(u.returning());
    close(scope);
    return rows;
  }

  private boolean delete(Delete d) {
    Scope scope = match(d.from(), d.filter());
    stillReferred(scope);
    boolean rows;
    if (d.returning() instanceof Returning.Project p) {
      out.append(" WITH ").append(scope.variable());
      for (int i = 0; i < p.exprs().size(); i++) {
        out.append(", ");
        expr(p.exprs().get(i));
        out.append(" AS r").append(i);
      }
      out.append(deletes(scope)).append(scope.variable()).append(" RETURN ");
      for (int i = 0; i < p.exprs().size(); i++) {
        out.append(i > 0 ? ", r" : "r").append(i);
      }
      rows = true;
    } else {
      out.append(deletes(scope)).append(scope.variable());
      rows = returning(d.returning());
    }
    close(scope);
    return rows;
  }

  /**
   * Fails the delete of a node that a checked key still refers to. The engine deleted or
   * unlinked the referring records it found before this statement (or, for
   * {@code @BelongsTo.Restrict}, left them), so one found here is restricted or was written by a
   * transaction that committed meanwhile: DETACH DELETE would leave its key naming nothing. The
   * node is locked first (a write, as {@link #lockAndRecheck} takes), so a concurrent write that
   * links to it has committed, and is seen, or waits for this delete.
   */
  private void stillReferred(Scope scope) {
    List<Relationships.Link> referring = relationships.edge(scope.table()) == null
        ? relationships.referring(scope.table()) : List.of();
    if (referring.isEmpty()) {
      return;
    }
    String v = scope.variable();
    out.append(" SET ").append(v).append('.').append(LOCK_PROPERTY).append(" = true REMOVE ")
        .append(v).append('.').append(LOCK_PROPERTY).append(" WITH ").append(carried(scope))
        .append(" WHERE ");
    for (int i = 0; i < referring.size(); i++) {
      Relationships.Link l = referring.get(i);
      out.append(i > 0 ? " AND " : "").append("CASE WHEN EXISTS { (").append(v).append(")<-[:");
      Names.quote(out, l.type());
      out.append("]-(:");
      Names.quote(out, label(l.table()));
      out.append(") } THEN date('").append(Relationships.STILL_REFERRED).append(':')
          .append(l.model()).append(':').append(l.field()).append("') IS NULL ELSE true END");
    }
  }

  /** A node goes with its relationships; a join model's record is a relationship. */
  private String deletes(Scope scope) {
    return relationships.edge(scope.table()) == null ? " DETACH DELETE " : " DELETE ";
  }

  /** The relationships an update's assignments change (to a foreign key's columns). */
  private List<Relationships.Link> moved(Update u) {
    List<Relationships.Link> moved = new ArrayList<>();
    for (Relationships.Link link : relationships.of(u.target() instanceof Source.Table t
        ? t.table() : "")) {
      if (u.assignments().stream().anyMatch(a -> link.position(a.target()) >= 0)) {
        moved.add(link);
      }
    }
    return moved;
  }

  /**
   * The new foreign key values of each moved relationship, computed by a {@code WITH} before
   * the update writes anything (so they read the values from before it, as every assignment
   * does), a column not assigned keeping its value; each as the alias that holds it.
   */
  private List<List<String>> linkValues(TableSchema table, Update u, Scope scope,
      List<Relationships.Link> moved) {
    List<List<String>> values = new ArrayList<>();
    if (moved.isEmpty()) {
      return values;
    }
    out.append(" WITH ").append(scope.variable());
    for (Relationships.Link link : moved) {
      List<String> aliases = new ArrayList<>();
      for (int column : link.columns()) {
        String alias = fresh();
        out.append(", ");
        Assignment assigned = u.assignments().stream().filter(a -> a.target() == column)
            .findFirst().orElse(null);
        if (assigned != null) {
          assigned(table, assigned);
        } else {
          expr(new Expr.Column(table.name(), column));
        }
        out.append(" AS ").append(alias);
        aliases.add(alias);
      }
      values.add(aliases);
    }
    return values;
  }

  /**
   * Write-locks each matched node, then tests the filter again on what is committed now. A
   * {@code MATCH ... WHERE} reads without locking, so two transactions could both match a node
   * by its old values (an {@code @Version} check among them) and both update it; the second to
   * take the lock now sees the first one's committed values and drops the node when they no
   * longer match, as a row-level compare-and-set. The lock property is set and removed in the
   * same statement, so nothing of it is stored.
   */
  private void lockAndRecheck(Scope scope, Expr filter) {
    if (isTrue(filter)) {
      return;
    }
    String v = scope.variable();
    out.append(" SET ").append(v).append('.').append(LOCK_PROPERTY).append(" = true REMOVE ")
        .append(v).append('.').append(LOCK_PROPERTY).append(" WITH ").append(carried(scope));
    where(filter);
  }

  /**
   * An assignment's value; a computed value of a narrower integer column is checked against the
   * column's width (Neo4j's integers are 64-bit: a value that does not fit would be stored and
   * then not read back), failing the statement, and so writing nothing, when it does not fit. A
   * computed value of a 64-bit column needs no check (Cypher's own overflow fails it), but is
   * guarded too, so that its overflow is reported as the field's value out of range, as the
   * other backends report it.
   */
  void assigned(TableSchema table, Assignment a) {
    assigning = true;
    try {
      assignedValue(table, a);
    } finally {
      assigning = false;
    }
  }

  private void assignedValue(TableSchema table, Assignment a) {
    Type type = table.column(a.target()).type();
    long[] range = type == Type.Scalar.I8 ? new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE}
        : type == Type.Scalar.I16 ? new long[] {Short.MIN_VALUE, Short.MAX_VALUE}
        : type == Type.Scalar.I32 ? new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE} : null;
    boolean computed = !(a.value() instanceof Expr.Arg || a.value() instanceof Expr.Const);
    if (computed && (range != null || type == Type.Scalar.I64)) {
      if (guarded.isEmpty()) {
        guarded.add(table.name());
      }
      guarded.add(table.column(a.target()).name());
    }
    if (type instanceof Type.CollectionOf c && c.shape() != Type.CollectionOf.Shape.MAP
        && !computed) {
      // a whole list or set written: boxed, so an empty one shares the plan of one with items
      CypherCollections.boxed(this, a.value());
      return;
    }
    if (range == null || !computed) {
      expr(a.value());
      return;
    }
    Expr v = a.value();
    cypher("CASE WHEN ", v, " < ", range[0], " OR ", v, " > ", range[1], " THEN ", OUT_OF_RANGE,
        "(0, 0, ", v, " - ", v, ") ELSE ", v, " END");
  }

  /** Appends each part: an expression rendered, anything else as its text. */
  private void cypher(Object... parts) {
    for (Object part : parts) {
      if (part instanceof Expr e) {
        expr(e);
      } else {
        out.append(part);
      }
    }
  }

  /** {@code RETURN count(*)} or the projection; whether rows come back. */
  boolean returning(Returning returning) {
    out.append(" RETURN ");
    if (returning instanceof Returning.Count) {
      out.append("count(*)");
      return false;
    }
    projection(returning);
    return true;
  }

  /**
   * {@code MATCH (v:Label) WHERE filter}, opening a scope the caller closes. A joined table (the
   * many-to-many include reads its targets with their join rows) is a second node of the same
   * {@code MATCH}, its join columns equal to the first's, in a scope closed with the first.
   */
  private Scope match(Source source, Expr filter) {
    return match(source, filter, v -> { });
  }

  /**
   * {@link #match(Source, Expr)} with further patterns, written by {@code patterns} (given the
   * node's variable) before the {@code WHERE}.
   */
  Scope match(Source source, Expr filter, Consumer<String> patterns) {
    return match(source, filter, null, Map.of(), patterns);
  }

  /**
   * {@link #match(Source, Expr, Consumer)} whose node is {@code variable} when not null (a node
   * the enclosing statement has bound already), and whose ends, for a join model stored as a
   * relationship, are the bound variables {@code ends} gives by link type.
   */
  Scope match(Source source, Expr filter, String variable, Map<String, String> ends,
      Consumer<String> patterns) {
    Scope scope = variable == null ? open(source) : open(source, variable);
    out.append("MATCH ");
    node(scope, ends);
    patterns.accept(scope.variable());
    if (source instanceof Source.Table t && t.join() != null) {
      Source.Join join = t.join();
      Scope joined = new Scope(schema.table(join.table()).name(), "n" + variables++,
          linked.size());
      scopes.push(joined);
      out.append(", ");
      node(joined, joinedEnds(joined.table(), join.columns(), scope));
      List<Expr> on = new ArrayList<>();
      for (int i = 0; i < join.columns().size(); i++) {
        on.add(Expr.eq(new Expr.Column(joined.table(), join.columns().get(i)),
            new Expr.Column(scope.table(), join.on().get(i))));
      }
      on.add(filter);
      filter = new Expr.And(on);
    }
    anchoredWhere(filter);
    return scope;
  }

  /**
   * The {@code MATCH}'s patterns for its conjuncts on relationships ({@link CypherAnchors}), then
   * its {@code WHERE}, each anchored conjunct reading the relationship's end node.
   */
  private void anchoredWhere(Expr filter) {
    Map<String, String> variables = new HashMap<>();
    for (Scope s : scopes) {
      variables.putIfAbsent(s.table(), s.variable());
    }
    List<Expr> all = CypherAnchors.conjuncts(filter);
    Set<Expr> joined = CypherAnchors.joins(this, variables, all);
    List<Expr> conjuncts = all.stream().filter(c -> !joined.contains(c)).toList();
    Map<Expr.Column, String> anchored = CypherAnchors.anchor(this, variables, conjuncts);
    if (anchored.isEmpty()) {
      where(joined.isEmpty() ? filter : conjuncts.size() == 1 ? conjuncts.get(0)
          : new Expr.And(conjuncts));
      anchoredLast = Map.of();
      return;
    }
    topLevel.addAll(conjuncts);
    out.append(" WHERE ");
    for (int i = 0; i < conjuncts.size(); i++) {
      out.append(i > 0 ? " AND " : "");
      Expr.Column c = CypherAnchors.column(this, variables, conjuncts.get(i));
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
        return Map.of(link.type(), to.variable());
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
  String linkedTo(String from, String type) {
    String key = from + "/" + type;
    for (int i = linked.size() - 1; i >= 0; i--) {
      if (linked.get(i).getKey().equals(key)) {
        return linked.get(i).getValue();
      }
    }
    return null;
  }

  /** The variable of the innermost scope on {@code table}, or null. */
  String variableOf(String table) {
    for (Scope s : scopes) {
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

  String variable(Scope scope) {
    return scope.variable();
  }

  void node(Scope scope) {
    node(scope, Map.of());
  }

  /**
   * {@code (v:Label)}; for a join model stored as a relationship ({@link Relationships#edge}),
   * {@code (s:Start)-[v:Type]->(e:End)} instead, an end given in {@code ends} (by its link's
   * type) being that variable, already bound, and the ends recorded as the patterns of {@code v}'s
   * foreign keys.
   */
  void node(Scope scope, Map<String, String> ends) {
    Relationships.Edge edge = relationships.edge(scope.table());
    if (edge == null) {
      out.append('(').append(scope.variable()).append(':');
      Names.quote(out, names.label(scope.table()));
      out.append(')');
      return;
    }
    String start = end(edge.start(), ends);
    out.append("-[").append(scope.variable()).append(':');
    Names.quote(out, names.label(scope.table()));
    out.append("]->");
    String finish = end(edge.end(), ends);
    linked(scope.variable(), edge.start().type(), start);
    linked(scope.variable(), edge.end().type(), finish);
  }

  /** One end of an edge's pattern: the bound variable, or a fresh one with its label. */
  private String end(Relationships.Link link, Map<String, String> ends) {
    String bound = ends.get(link.type());
    if (bound != null) {
      out.append('(').append(bound).append(')');
      return bound;
    }
    String v = fresh();
    out.append('(').append(v).append(':');
    Names.quote(out, names.label(link.target()));
    out.append(')');
    return v;
  }

  /** The variables a {@code WITH} carries for {@code scope}: its own and an edge's ends. */
  String carried(Scope scope) {
    Relationships.Edge edge = relationships.edge(scope.table());
    if (edge == null) {
      return scope.variable();
    }
    return scope.variable() + ", " + linkedTo(scope.variable(), edge.start().type()) + ", "
        + linkedTo(scope.variable(), edge.end().type());
  }

  private void where(Expr filter) {
    if (!isTrue(filter)) {
      List<Expr> conjuncts = CypherAnchors.conjuncts(filter);
      topLevel.addAll(conjuncts);
      out.append(" WHERE ");
      expr(filter);
      topLevel.removeAll(conjuncts);
    }
  }

  private void projection(Returning returning) {
    if (!(returning instanceof Returning.Project p)) {
      throw new UnsupportedFeatureException(Feature.RETURNING_SHAPE, BACKEND,
          "a table-level statement returns columns, not " + returning);
    }
    if (p.exprs().isEmpty()) {
      out.append("1 AS c0");
      return;
    }
    for (int i = 0; i < p.exprs().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      expr(p.exprs().get(i));
      out.append(" AS c").append(i);
    }
  }

  /**
   * Group keys and aggregates computed by a {@code WITH} (Cypher groups by the non-aggregate
   * items), the having as its {@code WHERE}, then the returned expressions over those aliases.
   */
  private void grouped(Returning.Grouped g) {
    out.append(" WITH ");
    int items = 0;
    for (int i = 0; i < g.groupBy().size(); i++) {
      if (items++ > 0) {
        out.append(", ");
      }
      expr(g.groupBy().get(i));
      out.append(" AS g").append(i);
    }
    List<Expr.Aggregate> aggregates = new ArrayList<>();
    g.exprs().forEach(e -> collectAggregates(e, aggregates));
    collectAggregates(g.having(), aggregates);
    for (int i = 0; i < aggregates.size(); i++) {
      if (items++ > 0) {
        out.append(", ");
      }
      aggregate(aggregates.get(i));
      out.append(" AS a").append(i);
    }
    if (items == 0) {
      out.append("count(*) AS a0");
    }
    for (int i = 0; i < g.groupBy().size(); i++) {
      computed.put(g.groupBy().get(i), "g" + i);
    }
    for (int i = 0; i < aggregates.size(); i++) {
      computed.put(aggregates.get(i), "a" + i);
    }
    if (!isTrue(g.having())) {
      out.append(" WHERE ");
      expr(g.having());
    }
    List<Type> derived = new ArrayList<>();
    for (Expr e : g.exprs()) {
      derived.add(typeOf(e));
    }
    types = derived;
    out.append(g.distinct() ? " RETURN DISTINCT " : " RETURN ");
    for (int i = 0; i < g.exprs().size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      expr(g.exprs().get(i));
      out.append(" AS c").append(i);
    }
    if (g.distinct()) {
      // After RETURN DISTINCT only the returned columns are in scope for ORDER BY.
      for (int i = 0; i < g.exprs().size(); i++) {
        computed.put(g.exprs().get(i), "c" + i);
      }
    }
  }

  private static void collectAggregates(Expr e, List<Expr.Aggregate> into) {
    if (e instanceof Expr.Aggregate a) {
      if (!into.contains(a)) {
        into.add(a);
      }
      return;
    }
    for (Expr child : io.toasty.neo4j.cypher.Children.of(e)) {
      collectAggregates(child, into);
    }
  }

  /** SQL's aggregates: NULLs skipped; SUM of nothing is NULL (Cypher's sum says 0). */
  private void aggregate(Expr.Aggregate a) {
    String distinct = a.distinct() ? "DISTINCT " : "";
    switch (a.op()) {
      case COUNT_ALL -> out.append("count(*)");
      case COUNT -> call("count", distinct, a.operand());
      case SUM, SUM_DOUBLE -> {
        out.append("CASE WHEN count(");
        expr(a.operand());
        out.append(") = 0 THEN null ELSE ");
        call("sum", distinct, a.operand());
        out.append(" END");
      }
      case AVG -> {
        // The sum over the count, as SQL computes it: Cypher's avg() accumulates a running mean
        // whose rounding differs (7.500000000000001 for 7.5).
        out.append("CASE WHEN count(").append(distinct);
        expr(a.operand());
        out.append(") = 0 THEN null ELSE toFloat(");
        call("sum", distinct, a.operand());
        out.append(") / count(").append(distinct);
        expr(a.operand());
        out.append(") END");
      }
      case MIN -> call("min", distinct, a.operand());
      case MAX -> call("max", distinct, a.operand());
      case SUM_DECIMAL, AVG_DECIMAL -> throw new UnsupportedFeatureException(
          Feature.IN_MEMORY_EVALUATION, BACKEND,
          "exact decimal sums and averages: Neo4j has no decimal type");
    }
  }

  private void call(String fn, String distinct, Expr operand) {
    out.append(fn).append('(').append(distinct);
    expr(operand);
    out.append(')');
  }

  private void orderBy(List<OrderBy> orderBy) {
    if (orderBy.isEmpty()) {
      return;
    }
    out.append(" ORDER BY ");
    for (int i = 0; i < orderBy.size(); i++) {
      OrderBy term = orderBy.get(i);
      if (i > 0) {
        out.append(", ");
      }
      boolean ascending = term.direction() == OrderBy.Direction.ASC;
      if (Nullability.mayBeNull(schema, term.expr())) {
        // Cypher sorts NULL above every value; the library's rule on every backend is NULLs
        // first ascending and last descending, so the NULL test sorts first (true > false).
        out.append('(');
        expr(term.expr());
        out.append(ascending ? " IS NULL) DESC, " : " IS NULL) ASC, ");
      }
      expr(term.expr());
      out.append(ascending ? " ASC" : " DESC");
    }
  }

  private void limit(Limit limit) {
    if (limit == null) {
      return;
    }
    if (limit.offset() != null) {
      out.append(" SKIP ");
      rowCount(limit.offset());
    }
    out.append(" LIMIT ");
    rowCount(limit.count());
  }

  /** A SKIP or LIMIT value, as a parameter of {@link Param.Form#ROW_COUNT}. */
  private void rowCount(Expr e) {
    if (e instanceof Expr.Arg a) {
      param(new Param.Arg(a.index(), Param.Form.ROW_COUNT));
    } else if (e instanceof Expr.Const c) {
      param(new Param.Const(c.value(), Param.Form.ROW_COUNT));
    } else {
      expr(e);
    }
  }

  // ---- expressions ---------------------------------------------------------------------------

  void expr(Expr e) {
    String alias = computed.get(e);
    if (alias != null) {
      out.append(alias);
      return;
    }
    if (e instanceof Expr.Const c) {
      param(new Param.Const(c.value(), Param.Form.STORED));
    } else if (e instanceof Expr.Arg a) {
      param(new Param.Arg(a.index(), Param.Form.STORED));
    } else if (e instanceof Expr.Column c) {
      column(c);
    } else if (e instanceof Expr.Compare c) {
      compare(c);
    } else if (e instanceof Expr.Arith a) {
      arith(a);
    } else if (e instanceof Expr.And and) {
      junction(and.operands(), " AND ", "true");
    } else if (e instanceof Expr.Or or) {
      junction(or.operands(), " OR ", "false");
    } else if (e instanceof Expr.Not n) {
      out.append("(NOT ");
      expr(n.operand());
      out.append(')');
    } else if (e instanceof Expr.IsNull n) {
      out.append('(');
      expr(n.operand());
      out.append(" IS NULL)");
    } else if (e instanceof Expr.IsNotDistinctFrom d) {
      isNotDistinctFrom(d.left(), d.right());
    } else if (e instanceof Expr.Pattern p) {
      CypherPatterns.render(this, p);
    } else if (e instanceof Expr.Contains c) {
      CypherCollections.contains(this, c);
    } else if (e instanceof Expr.IsEmpty i) {
      CypherCollections.isEmpty(this, i);
    } else if (e instanceof Expr.CollectionChange c) {
      CypherCollections.change(this, c);
    } else if (e instanceof Expr.InList in) {
      inList(in);
    } else if (e instanceof Expr.InSubquery in) {
      inSubquery(in);
    } else if (e instanceof Expr.Exists ex) {
      exists(ex.query());
    } else if (e instanceof Expr.Func f) {
      out.append(switch (f.op()) {
        case LOWER -> "toLower(";
        case UPPER -> "toUpper(";
        case LENGTH -> "size(";
      });
      expr(f.operand());
      out.append(')');
    } else if (e instanceof Expr.Record r && r.fields().size() == 1) {
      expr(r.fields().get(0));
    } else if (e instanceof Expr.Record r) {
      list(r.fields());
    } else if (e instanceof Expr.Project p && p.base() instanceof Expr.Record r) {
      expr(r.fields().get(p.index()));
    } else if (e instanceof Expr.Default) {
      out.append("null");
    } else if (e instanceof Expr.Now now) {
      out.append(CypherTime.now(dialect, now.type()));
    } else if (e instanceof Expr.Aggregate a) {
      aggregate(a);
    } else if (e instanceof Expr.Case c) {
      c.write(out, this::expr);
    } else if (e instanceof Expr.Sql) {
      throw new UnsupportedFeatureException(Feature.SQL, BACKEND,
          "a raw SQL fragment: Neo4j runs Cypher");
    } else {
      throw new UnsupportedFeatureException(Feature.FILTER_EXPRESSION, BACKEND,
          "a table-level statement cannot hold " + e);
    }
  }

  void param(Param p) {
    out.append("$p").append(params.size());
    params.add(p);
  }

  StringBuilder out() {
    return out;
  }

  private void column(Expr.Column c) {
    TableSchema table = schema.table(c.table());
    String variable = variableOf(c.table());
    if (variable == null) {
      throw new UnsupportedFeatureException(Feature.FILTER_EXPRESSION, BACKEND,
          "column " + c.index() + " of " + c.table() + " outside a statement on that table");
    }
    Relationships.Link link = relationships.virtual(c.table(), c.index());
    Relationships.Edge edge = relationships.edge(c.table());
    if (link != null && edge != null) {
      // The end node of the relationship itself, bound or not (after a WITH, say).
      out.append(link == edge.start() ? "startNode(" : "endNode(").append(variable).append(").");
      Names.quote(out, columnName(link.target(), link.targetColumns().get(link.position(
          c.index()))));
      return;
    }
    if (link != null) {
      CypherLinks.read(this, link, c.index(), variable);
      return;
    }
    out.append(variable).append('.');
    Names.quote(out, table.column(c.index()).name());
  }

  private void compare(Expr.Compare c) {
    Expr left = c.left();
    Expr right = c.right();
    if (left instanceof Expr.Record l && right instanceof Expr.Record r
        && l.fields().size() == r.fields().size() && l.fields().size() > 1) {
      expr(RecordCompare.expand(c.op(), l.fields(), r.fields()));
      return;
    }
    out.append('(');
    expr(left);
    out.append(' ').append(c.op().symbol()).append(' ');
    expr(right);
    out.append(')');
  }

  /** Equal, or both NULL; never unknown. */
  void isNotDistinctFrom(Expr left, Expr right) {
    out.append("coalesce(");
    expr(left);
    out.append(" = ");
    expr(right);
    out.append(", (");
    expr(left);
    out.append(" IS NULL AND ");
    expr(right);
    out.append(" IS NULL))");
  }

  /** SQL arithmetic: a division or remainder by zero fails, with integers and floats alike. */
  private void arith(Expr.Arith a) {
    if (isDecimal(a.left()) || isDecimal(a.right())) {
      // Decimals are sortable strings here (SortableDecimal): Cypher's + would join them, and
      // its float arithmetic would not be exact anyway.
      throw new UnsupportedFeatureException(assigning ? Feature.UPDATE_EXPRESSION
          : Feature.FILTER_EXPRESSION, BACKEND, "arithmetic on exact decimals: Neo4j has no "
          + "decimal type; read the record and write the computed value");
    }
    boolean divides = a.op() == Expr.ArithOp.DIV || a.op() == Expr.ArithOp.MOD;
    if (divides) {
      // Cypher's integer division by zero fails ("/ by zero", even of a NULL), its float
      // division gives Infinity or NaN: as in SQL, a NULL dividend or divisor gives NULL, and
      // any other zero divisor is made an integer division by zero, which fails.
      cypher("CASE WHEN ", a.left(), " IS NULL OR ", a.right(), " IS NULL THEN null WHEN ",
          a.right(), " = 0 THEN 1 / toInteger(", a.right(), ") ELSE ");
    }
    out.append('(');
    expr(a.left());
    out.append(' ').append(a.op().symbol()).append(' ');
    expr(a.right());
    out.append(')');
    if (divides) {
      out.append(" END");
    }
  }

  private void junction(List<Expr> operands, String separator, String empty) {
    if (operands.isEmpty()) {
      out.append(empty);
      return;
    }
    out.append('(');
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      expr(operands.get(i));
    }
    out.append(')');
  }

  private void list(List<Expr> items) {
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      expr(items.get(i));
    }
    out.append(']');
  }

  /** {@code x IN $list}: one parameter for the whole list when every item is a value. */
  private void inList(Expr.InList in) {
    if (in.items().isEmpty()) {
      out.append("false");
      return;
    }
    out.append('(');
    expr(in.operand());
    out.append(" IN ");
    List<Param> values = new ArrayList<>(in.items().size());
    for (Expr item : in.items()) {
      Param p = valueParam(item);
      if (p == null) {
        values = null;
        break;
      }
      values.add(p);
    }
    if (values != null) {
      param(new Param.ListOf(values));
    } else {
      list(in.items());
    }
    out.append(')');
  }

  /** The parameter a value expression (or a record of them) binds, or null if not a value. */
  private static Param valueParam(Expr e) {
    if (e instanceof Expr.Arg a) {
      return new Param.Arg(a.index(), Param.Form.STORED);
    }
    if (e instanceof Expr.Const c) {
      return new Param.Const(c.value(), Param.Form.STORED);
    }
    if (e instanceof Expr.Record r) {
      if (r.fields().size() == 1) {
        return valueParam(r.fields().get(0));
      }
      List<Param> items = new ArrayList<>();
      for (Expr f : r.fields()) {
        Param p = valueParam(f);
        if (p == null) {
          return null;
        }
        items.add(p);
      }
      return new Param.Tuple(items);
    }
    return null;
  }

  /** {@code x IN COLLECT { MATCH .. RETURN y }}. */
  private void inSubquery(Expr.InSubquery in) {
    if (CypherSemiJoins.render(this, in, topLevel.contains(in))) {
      return;
    }
    out.append('(');
    expr(in.operand());
    out.append(" IN COLLECT { ");
    subquery(in.query(), true);
    out.append(" })");
  }

  private void exists(Query q) {
    out.append("EXISTS { ");
    subquery(q, false);
    out.append(" }");
  }

  private void subquery(Query q, boolean returns) {
    Scope scope = match(q.source(), q.filter());
    if (returns || !q.orderBy().isEmpty() || q.limit() != null) {
      out.append(" RETURN ");
      if (q.returning() instanceof Returning.Project p && !p.exprs().isEmpty()) {
        if (p.exprs().size() == 1) {
          expr(p.exprs().get(0));
        } else {
          list(p.exprs());
        }
      } else {
        out.append(scope.variable());
      }
      out.append(" AS v");
      orderBy(q.orderBy());
      limit(q.limit());
    }
    close(scope);
  }

  TableSchema table(Source source) {
    if (!(source instanceof Source.Table t)) {
      throw new IllegalArgumentException("a table-level statement reads a table, not " + source);
    }
    return schema.table(t.table());
  }

  static boolean isTrue(Expr e) {
    return e instanceof Expr.Const c && c.value().equals(io.toasty.value.Value.TRUE)
        || e instanceof Expr.And a && a.operands().isEmpty();
  }

  private boolean isDecimal(Expr e) {
    return e instanceof Expr.Const c && c.value() instanceof io.toasty.value.Value.Decimal
        || e instanceof Expr.Column && typeOf(e) == Type.Scalar.DECIMAL
        || e instanceof Expr.Arith a && (isDecimal(a.left()) || isDecimal(a.right()));
  }

  /** The type an expression of a grouped query evaluates to (NULL: as the driver returns it). */
  private Type typeOf(Expr e) {
    if (e instanceof Expr.Column c) {
      return schema.table(c.table()).column(c.index()).type();
    }
    if (e instanceof Expr.Aggregate a) {
      return switch (a.op()) {
        case COUNT_ALL, COUNT, SUM -> Type.Scalar.I64;
        case SUM_DOUBLE, AVG -> Type.Scalar.F64;
        case SUM_DECIMAL, AVG_DECIMAL -> Type.Scalar.DECIMAL;
        case MIN, MAX -> typeOf(a.operand());
      };
    }
    if (e instanceof Expr.Func f) {
      return f.op() == Expr.FuncOp.LENGTH ? Type.Scalar.I64 : Type.Scalar.STRING;
    }
    return Type.Scalar.NULL;
  }

  /** The type of a column, for the insert's row maps. */
  Type columnType(TableSchema table, int column) {
    return table.column(column).type();
  }
}
