package io.toasty.planner.verify;

import io.toasty.Feature;
import io.toasty.Redaction;
import io.toasty.driver.Capability;
import io.toasty.driver.QueryForms;
import io.toasty.driver.ValueRanges;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.expr.Children;
import io.toasty.planner.expr.Walk;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Checks a model-level statement's shape against the schema: fields belong to the statement's
 * model, comparisons and assignments are type-compatible, inserts set every required field, NULL
 * goes only into nullable fields, and nothing asks for relations yet. Values are not in the shape;
 * for each argument slot it records an {@link ArgCheck} that runs on every execution.
 */
public final class Verify {
  private final Schema schema;
  private final String model;
  private final ArgCheck[] checks;
  /** The backend's capability, for what only some backends run (raw SQL fragments); or null. */
  private final @Nullable Capability capability;

  private Verify(Schema schema, String model, int argCount, @Nullable Capability capability) {
    this.schema = schema;
    this.model = model;
    this.checks = new ArgCheck[argCount];
    this.capability = capability;
  }

  /**
   * Verifies {@code shape}; returns the per-argument checks (one per slot, null where the slot
   * has no field to fit).
   */
  public static List<ArgCheck> verify(StatementNode shape, Schema schema, int argCount) {
    return verify(shape, schema, argCount, null);
  }

  /**
   * Verifies {@code shape} for a backend of {@code capability}: as above, and a raw SQL fragment
   * is refused ({@link Feature#SQL}) where the backend has no SQL.
   */
  public static List<ArgCheck> verify(StatementNode shape, Schema schema, int argCount,
      @Nullable Capability capability) {
    if (!(shape.source() instanceof Source.Model m)) {
      throw new InvalidStatementException(null, null,
          "statements given to the engine read or write models, not tables: " + shape.source());
    }
    if (!schema.hasModel(m.model())) {
      throw new InvalidStatementException(m.model(), null, "model is not registered with this Db");
    }
    Verify v = new Verify(schema, m.model(), argCount, capability);
    v.statement(shape);
    return Arrays.asList(v.checks.clone());
  }

  /** The backend's value ranges, or null when planning for no backend. */
  private @Nullable ValueRanges ranges() {
    return capability == null ? null : capability.valueRanges();
  }

  private void statement(StatementNode s) {
    if (s instanceof Query q) {
      query(q, Set.of(model));
    } else if (s instanceof InsertNode i) {
      insert(i);
    } else if (s instanceof UpdateNode u) {
      update(u);
    } else if (s instanceof DeleteNode d) {
      filter(d.filter(), Set.of(model));
      if (!(d.returning() instanceof Returning.Count)) {
        throw new UnsupportedFeatureException(Feature.RETURNING_SHAPE, null,
            "delete returning records: a delete returns the number of deleted records");
      }
    }
  }

  private void query(Query q, Set<String> scope) {
    String queried = ((Source.Model) q.source()).model();
    filter(q.filter(), scope);
    returning(q.returning(), queried, scope);
    for (OrderBy o : q.orderBy()) {
      expr(o.expr(), scope);
    }
    if (q.limit() != null) {
      limitArg(q.limit().count(), "limit");
      if (q.limit().offset() != null) {
        limitArg(q.limit().offset(), "offset");
      }
    }
  }

  private static void rejectIncludes(Returning r, String what) {
    if (r instanceof Returning.Model m && !m.includes().isEmpty()) {
      throw new UnsupportedFeatureException(Feature.INCLUDE_SHAPE, null, "include on " + what
          + ": " + "include relations in a query; " + what + " returns the records without them");
    }
  }

  /** Each include names a relation of {@code queried}; its scope is a query on the target. */
  private void includes(Returning.Model m, String queried, Set<String> scope) {
    ModelSchema owner = schema.model(queried);
    for (IncludeNode i : m.includes()) {
      ExprNode.Field f = i.relation();
      if (!f.model().equals(queried) || !owner.isRelation(f.index())) {
        throw new InvalidStatementException(queried, fieldName(f),
            "include names no relation of " + queried);
      }
      RelationSchema r = owner.relationAt(f.index());
      Query sub = i.scope();
      if (!(sub.source() instanceof Source.Model sm) || !sm.model().equals(r.target())) {
        throw new InvalidStatementException(queried, r.name(), "the include's scope must query "
            + r.target() + ", not " + sub.source());
      }
      if (sub.limit() != null) {
        perParentLimit(queried, r);
      }
      if (!(sub.returning() instanceof Returning.Model)) {
        throw new InvalidStatementException(queried, r.name(),
            "an include loads records: its scope returns the model");
      }
      Set<String> inner = new HashSet<>(scope);
      inner.add(r.target());
      query(sub, inner);
    }
  }

  private void returning(Returning r, String queried, Set<String> scope) {
    if (r instanceof Returning.Model m) {
      includes(m, queried, scope);
    } else if (r instanceof Returning.Project p) {
      p.exprs().forEach(e -> expr(e, scope));
    } else if (r instanceof Returning.Keys) {
      throw new UnsupportedFeatureException(Feature.RETURNING_SHAPE, null,
          "returning keys from a query: " + queried);
    } else if (r instanceof Returning.Grouped g) {
      grouped(g, scope);
    }
  }

  /**
   * A grouped returning: its expressions and having read fields only inside aggregates or as
   * group-by expressions; aggregates do not nest; SUM and AVG take numbers.
   */
  private void grouped(Returning.Grouped g, Set<String> scope) {
    UngroupedRelationAggregates.check(g, model, this::fieldName);
    g.groupBy().forEach(e -> {
      expr(e, scope);
      if (Walk.any(e, x -> x instanceof ExprNode.Aggregate)) {
        throw new InvalidStatementException(model, null, "cannot group by an aggregate: " + e);
      }
    });
    // A record (a field stored in several columns) groups by each of its columns.
    List<ExprNode> by = new ArrayList<>(g.groupBy());
    g.groupBy().forEach(e -> {
      if (e instanceof ExprNode.Record r) {
        by.addAll(r.fields());
      }
    });
    for (ExprNode e : g.exprs()) {
      expr(e, scope);
      aggregated(e, by);
    }
    expr(g.having(), scope);
    aggregated(g.having(), by);
  }

  private void aggregated(ExprNode e, List<ExprNode> groupBy) {
    if (groupBy.contains(e)) {
      return;
    }
    if (e instanceof ExprNode.Aggregate a) {
      if (Walk.any(a.operand(), x -> x instanceof ExprNode.Aggregate)) {
        throw new InvalidStatementException(model, null, "an aggregate inside an aggregate: " + e);
      }
      Typed t = typeOf(a.operand());
      boolean needsNumber = a.op() != ExprNode.AggOp.COUNT_ALL && a.op() != ExprNode.AggOp.COUNT
          && a.op() != ExprNode.AggOp.MIN && a.op() != ExprNode.AggOp.MAX;
      if (needsNumber && t.type != null && !(t.type instanceof Type.Scalar s && s.isNumeric()
          && (a.op() != ExprNode.AggOp.SUM || s.isInteger()))) {
        throw new InvalidStatementException(model, t.field, a.op().name().toLowerCase(
            Locale.ROOT) + " needs " + (a.op() == ExprNode.AggOp.SUM ? "integers" : "numbers")
            + ", was " + TypeCompat.describe(t.type));
      }
      boolean ordered = a.op() != ExprNode.AggOp.MIN && a.op() != ExprNode.AggOp.MAX
          || !(a.operand() instanceof ExprNode.Record) && (t.type == null || ordered(t.type));
      if (!ordered) {
        throw new InvalidStatementException(model, t.field, a.op().name().toLowerCase(
            Locale.ROOT) + " needs values with an order, was " + (t.type == null
            ? "a record of fields" : TypeCompat.describe(t.type)));
      }
      if ((a.op() == ExprNode.AggOp.MIN || a.op() == ExprNode.AggOp.MAX)
          && t.type == Type.Scalar.DECIMAL
          && capability != null
          && capability.sql()
          && !capability.nativeDecimal()) {
        throw new UnsupportedFeatureException(Feature.DECIMAL_ORDER, capability.backend(),
            model + (t.field == null ? "" : "." + t.field) + ": decimals are stored as text"
            + " here, which orders them as text, not by value");
      }
      return;
    }
    if (e instanceof ExprNode.Field f) {
      throw new InvalidStatementException(f.model(), fieldName(f), "is neither grouped by nor "
          + "inside an aggregate (count, sum, avg, min, max)");
    }
    Children.forEach(e, x -> aggregated(x, groupBy));
  }

  /**
   * Whether values of {@code type} have an order that every backend's MIN and MAX follow: not
   * byte strings, JSON documents or collections (each backend stores those its own way).
   */
  private static boolean ordered(Type type) {
    return !(type instanceof Type.CollectionOf) && !(type instanceof Type.Record)
        && type != Type.Scalar.BYTES && type != Type.Scalar.JSON;
  }

  private void limitArg(ExprNode e, String what) {
    if (e instanceof ExprNode.Arg a) {
      checks[a.index()] = new ArgCheck(a.index(), Type.Scalar.I64, false, model, what);
    } else if (!(e instanceof ExprNode.Const c && !c.value().isNull())) {
      throw new InvalidStatementException(model, null, what + " must be a number, was " + e);
    }
  }

  private void filter(ExprNode e, Set<String> scope) {
    if (Walk.any(e, x -> x instanceof ExprNode.Aggregate)) {
      throw new InvalidStatementException(model, null, "an aggregate in a filter: filter groups "
          + "with having(..) instead: " + e);
    }
    expr(e, scope);
    typeOf(e).ifKnown(t -> {
      if (t != Type.Scalar.BOOL && t != Type.Scalar.NULL) {
        throw new InvalidStatementException(model, null, "a filter must be a condition, was " + e);
      }
    });
  }

  private void insert(InsertNode i) {
    ModelSchema m = schema.model(model);
    if (!(i.returning() instanceof Returning.Model || i.returning() instanceof Returning.Count)) {
      throw new UnsupportedFeatureException(Feature.RETURNING_SHAPE, null, "insert returning "
          + i.returning() + ": " + model);
    }
    rejectIncludes(i.returning(), "an insert");
    insertRows(i, m, Set.of());
  }

  /**
   * The rows of an insert of {@code m}; {@code filledByParent} are fields a nested create fills
   * from the parent it is created under.
   */
  private void insertRows(InsertNode i, ModelSchema m, Set<Integer> filledByParent) {
    int all = m.fields().size() + m.relations().size();
    for (ExprNode.Record row : i.rows()) {
      if (row.fields().size() != m.fields().size() && row.fields().size() != all) {
        throw new InvalidStatementException(m.name(), null, "an insert row needs "
            + m.fields().size() + " values, one per field" + (m.relations().isEmpty() ? ""
            : " (or " + all + " with the relation fields)") + ", but has "
            + row.fields().size());
      }
      Set<Integer> filled = new HashSet<>(filledByParent);
      for (RelationSchema r : m.relations()) {
        ExprNode slot = row.fields().size() == all ? row.fields().get(m.fields().size() + r.index())
            : new ExprNode.Default();
        nestedCreate(m, r, slot, filled);
      }
      for (FieldSchema f : m.fields()) {
        insertValue(m, f, row.fields().get(f.index()), filled.contains(f.index()));
      }
    }
  }

  /** A relation slot of an insert row: nothing, or the nested create of related records. */
  private void nestedCreate(ModelSchema m, RelationSchema r, ExprNode slot, Set<Integer> filled) {
    if (slot instanceof ExprNode.Default) {
      if (r.kind() == RelationSchema.Kind.HAS_ONE && !r.nullable()) {
        throw new InvalidStatementException(m.name(), r.name(), "is a required has-one relation:"
            + " create the " + r.target() + " with the " + m.name() + " (a nested create)");
      }
      return;
    }
    if (!(slot instanceof ExprNode.Stmt nested) || !(nested.statement() instanceof InsertNode child)
        || !(child.target() instanceof Source.Model cm) || !cm.model().equals(r.target())) {
      throw new InvalidStatementException(m.name(), r.name(), "a relation slot of an insert "
          + "holds nothing or a nested insert of " + r.target() + ", not " + slot);
    }
    if (r.isMultiStep()) {
      throw new InvalidStatementException(m.name(), r.name(), "is a multi-step via relation, "
          + "read-only: create the records through the relations it follows");
    }
    if (r.through() != null) {
      joinRowsCanDefault(m, r);
    }
    if (!r.isMany() && child.rows().size() != 1) {
      throw new InvalidStatementException(m.name(), r.name(), "a to-one relation takes one "
          + "record, not " + child.rows().size());
    }
    if (!(child.returning() instanceof Returning.Model)) {
      throw new InvalidStatementException(m.name(), r.name(),
          "a nested create returns its records");
    }
    if (r.isBelongsTo()) {
      filled.addAll(r.sourceFields());
      insertRows(child, schema.model(r.target()), Set.of());
    } else if (r.through() != null) {
      insertRows(child, schema.model(r.target()), Set.of());
    } else {
      insertRows(child, schema.model(r.target()), new HashSet<>(r.targetFields()));
    }
  }

  /**
   * A nested create through a join model creates each join record with its two foreign keys
   * only: every other field of the join model must be optional or generated.
   */
  private void joinRowsCanDefault(ModelSchema m, RelationSchema r) {
    ModelSchema join = schema.model(Objects.requireNonNull(r.through(), "a join").model());
    for (FieldSchema f : join.fields()) {
      boolean linked = r.through().sourceFields().contains(f.index())
          || r.through().targetFields().contains(f.index());
      boolean defaults = f.nullable() || f.auto() != null
          || f.defaultValue() != null && !f.defaultValue().isNull();
      if (!linked && !defaults) {
        throw new InvalidStatementException(join.name(), f.name(), "is required, and a nested "
            + "create through " + m.name() + "." + r.name() + " sets only the join record's "
            + "foreign keys: create the " + join.name() + " records with it instead");
      }
    }
  }

  private void insertValue(ModelSchema m, FieldSchema f, ExprNode value, boolean filled) {
    if (filled && value instanceof ExprNode.Default) {
      return;
    }
    if (filled) {
      throw new InvalidStatementException(m.name(), f.name(), "is set by the nested create "
          + "and cannot also be given a value");
    }
    if (value instanceof ExprNode.Default) {
      if (f.isRequired()) {
        throw InvalidStatementException.missing(m.name(), f.name(),
            "is required but was not set");
      }
      return;
    }
    assign(m.name(), f, value);
  }

  private void update(UpdateNode u) {
    ModelSchema m = schema.model(model);
    filter(u.filter(), Set.of(model));
    rejectIncludes(u.returning(), "an update");
    if (u.returning() instanceof Returning.Project || u.returning() instanceof Returning.Keys) {
      throw new UnsupportedFeatureException(Feature.RETURNING_SHAPE, null, "update returning "
          + u.returning() + ": " + model);
    }
    for (Assignment a : u.assignments()) {
      if (a.target() < 0 || a.target() >= m.fields().size()) {
        throw new InvalidStatementException(model, "#" + a.target(), "model has no such field");
      }
      assign(model, m.field(a.target()), a.value());
    }
  }

  private void assign(String owner, FieldSchema f, ExprNode value) {
    if (value instanceof ExprNode.Arg a) {
      checks[a.index()] = new ArgCheck(a.index(), f.type(), f.nullable(), owner, f.name(), ranges(),
          f.sensitive());
      return;
    }
    if (value instanceof ExprNode.Const c && c.value().isNull() && !f.nullable()) {
      throw InvalidStatementException.missing(owner, f.name(), "must not be null");
    }
    if (value instanceof ExprNode.Default) {
      throw new InvalidStatementException(owner, f.name(), "DEFAULT is only allowed in inserts");
    }
    expr(value, Set.of(owner));
    compare(new ExprNode.Field(owner, f.index()), value);
  }

  private void expr(ExprNode e, Set<String> scope) {
    new ExprCheck(this, scope).check(e);
  }

  /** Walks one expression tree; a visitor-free recursion over the node kinds. */
  private record ExprCheck(Verify v, Set<String> scope) {
    void check(ExprNode e) {
      if (e instanceof ExprNode.Field f) {
        v.field(f, scope);
      } else if (e instanceof ExprNode.Related r) {
        v.related(r, scope);
      } else if (e instanceof ExprNode.RelatedAggregate r) {
        v.relatedAggregate(r, scope);
      } else if (e instanceof ExprNode.Scalar || e instanceof ExprNode.Outer) {
        throw new InvalidStatementException(v.model, null,
            "statements given to the engine aggregate relations, not subqueries: " + e);
      } else if (e instanceof ExprNode.Stmt) {
        throw new InvalidStatementException(v.model, null,
            "a nested statement belongs only in the relation slot of an insert row");
      } else if (e instanceof ExprNode.InSubquery s) {
        check(s.operand());
        v.subquery(s.query(), scope, arity(s.operand()));
      } else if (e instanceof ExprNode.Exists x) {
        v.subquery(x.query(), scope, 0);
      } else if (e instanceof ExprNode.Column) {
        throw new InvalidStatementException(v.model, null,
            "statements given to the engine name fields, not columns: " + e);
      } else {
        Children.forEach(e, this::check);
        shallow(e);
      }
    }

    private void shallow(ExprNode e) {
      if (e instanceof ExprNode.Compare c) {
        v.wholeDocuments(c.left(), c.right());
        v.compare(c.left(), c.right());
      } else if (e instanceof ExprNode.IsNotDistinctFrom d) {
        v.compare(d.left(), d.right());
      } else if (e instanceof ExprNode.Pattern p) {
        v.pattern(p);
      } else if (e instanceof ExprNode.InList in) {
        v.wholeDocuments(in.operand(), in.operand());
        in.items().forEach(item -> v.compare(in.operand(), item));
      } else if (e instanceof ExprNode.Arith a) {
        v.arith(a);
      } else if (e instanceof ExprNode.Sql s) {
        v.sqlFragment(s);
      } else if (e instanceof ExprNode.Case c) {
        c.whens().forEach(w -> v.compare(c.operand(), w));
        c.thens().forEach(t -> v.compare(c.otherwise(), t));
      } else if (e instanceof ExprNode.Func f) {
        v.function(f);
      } else if (e instanceof ExprNode.JsonText j) {
        v.jsonText(j);
      } else if (e instanceof ExprNode.Contains c) {
        v.contains(c);
      } else if (e instanceof ExprNode.IsEmpty i) {
        v.collectionTest(i.operand(), i.type(), "isEmpty()");
      } else if (e instanceof ExprNode.CollectionChange c) {
        v.collectionChange(c);
      }
    }
  }

  /**
   * A limit on an included relation is per parent: on SQL it needs window functions (a direct
   * relation's foreign key partitions the rows; a many-to-many's join rows do not, yet); a
   * key-value backend reads each parent's records apart (see {@code PlanNestedMerge}).
   */
  private void perParentLimit(String queried, RelationSchema r) {
    if (r.through() != null) {
      throw new UnsupportedFeatureException(Feature.INCLUDE_SHAPE, null,
          "a limit on an included many-to-many relation: " + queried + "." + r.name()
          + ": filter or order the include, or query the relation");
    }
    if (capability != null && capability.sql() && !capability.queryForms().windowFunctions()) {
      throw new UnsupportedFeatureException(Feature.INCLUDE_LIMIT, capability.backend(),
          queried + "." + r.name() + ": a limit or offset per parent needs window functions; "
          + "include the relation whole, or query each parent's records with a limit");
    }
  }

  /** A raw fragment: every parameter bound, and a backend that runs SQL. */
  private void sqlFragment(ExprNode.Sql s) {
    if (capability != null && !capability.rawSql()) {
      throw new UnsupportedFeatureException(Feature.SQL, capability.backend(),
          "a raw SQL fragment runs on SQL databases only");
    }
    if (!s.unbound().isEmpty()) {
      throw new InvalidStatementException(model, null, "raw SQL fragment: no value bound to :"
          + String.join(", :", s.unbound()));
    }
  }

  /** How many expressions a row of {@code IN (SELECT ..)} must hold: a tuple's size, else 1. */
  private static int arity(ExprNode operand) {
    return operand instanceof ExprNode.Record r ? r.fields().size() : 1;
  }

  /** A subquery of a model; {@code columns} expressions per row when above 0 (an IN's). */
  private void subquery(Query q, Set<String> outer, int columns) {
    if (!(q.source() instanceof Source.Model m) || !schema.hasModel(m.model())) {
      throw new InvalidStatementException(model, null, "a subquery must read a registered model: "
          + q.source());
    }
    Set<String> scope = new HashSet<>(outer);
    scope.add(m.model());
    query(q, scope);
    if (columns > 0
        && !(q.returning() instanceof Returning.Project p && p.exprs().size() == columns)) {
      throw new InvalidStatementException(model, null, "an IN subquery must return exactly "
          + columns + (columns == 1 ? " expression" : " expressions") + " per row, as many as "
          + "its operand holds");
    }
  }

  private void field(ExprNode.Field f, Set<String> scope) {
    String name = fieldName(f);
    if (!scope.contains(f.model())) {
      throw new InvalidStatementException(model, name, "belongs to model " + f.model());
    }
    ModelSchema m = schema.model(f.model());
    if (m.isRelation(f.index())) {
      throw new InvalidStatementException(f.model(), name, "is a relation: filter with "
          + (m.relationAt(f.index()).isMany() ? "any(..), none(..) or every(..)"
              : "is(..) or isPresent()") + ", or compare its key fields");
    }
    if (f.index() < 0 || f.index() >= m.fields().size()) {
      throw new InvalidStatementException(model, name, "model " + f.model() + " has no such field");
    }
  }

  /** A relation predicate: a relation of a model in scope, with a filter over the target. */
  private void related(ExprNode.Related r, Set<String> scope) {
    ExprNode.Field f = r.relation();
    if (!scope.contains(f.model())) {
      throw new InvalidStatementException(model, fieldName(f), "belongs to model " + f.model());
    }
    ModelSchema m = schema.model(f.model());
    if (!m.isRelation(f.index())) {
      throw new InvalidStatementException(f.model(), fieldName(f), "is not a relation");
    }
    Set<String> inner = new HashSet<>(scope);
    inner.add(m.relationAt(f.index()).target());
    filter(r.filter(), inner);
  }

  /**
   * An aggregate of a relation per record: a relation of a model in scope, its filter and
   * aggregate over the target; one correlated subquery, which a SQL backend without subqueries
   * refuses (a key-value backend's engine joins a grouped read of the related records,
   * {@code RelationAggregates}).
   */
  private void relatedAggregate(ExprNode.RelatedAggregate r, Set<String> scope) {
    related(new ExprNode.Related(r.relation(), ExprNode.Quantifier.ANY, r.filter()), scope);
    if (capability != null && capability.sql() && !capability.subqueries()) {
      throw new UnsupportedFeatureException(Feature.RELATION_AGGREGATE, capability.backend(),
          r.relation().model() + "." + fieldName(r.relation()) + ": a relation's count or "
          + "aggregate per record needs a subquery in the statement; include the relation and "
          + "count in the application, or filter by count()");
    }
    Set<String> inner = new HashSet<>(scope);
    inner.add(schema.model(r.relation().model()).relationAt(r.relation().index()).target());
    expr(r.aggregate().operand(), inner);
    aggregated(r.aggregate(), List.of());
  }

  private String fieldName(ExprNode.Field f) {
    return schema.hasModel(f.model()) ? schema.model(f.model()).fieldName(f.index())
        : "#" + f.index();
  }

  private void arith(ExprNode.Arith a) {
    for (ExprNode side : List.of(a.left(), a.right())) {
      typeOf(side).ifKnown(t -> {
        if (!(t instanceof Type.Scalar s && s.isNumeric())) {
          throw new InvalidStatementException(model, typeOf(side).field(),
              "arithmetic needs numbers, was " + TypeCompat.describe(t));
        }
      });
    }
    compare(a.left(), a.right());
  }

  /** Documents are stored each backend its own way: they compare by their paths only. */
  private void wholeDocuments(ExprNode a, ExprNode b) {
    for (Typed t : List.of(typeOf(a), typeOf(b))) {
      if (t.type == Type.Scalar.JSON) {
        throw new InvalidStatementException(model, t.field, "JSON documents do not compare whole"
            + " (each backend stores them its own way); compare a path: text(\"key\")");
      }
      if (t.type instanceof Type.CollectionOf) {
        throw new InvalidStatementException(model, t.field, "collections do not compare whole"
            + " (each backend stores them its own way); test items: contains(..), isEmpty()");
      }
    }
  }

  /**
   * A test of a collection's items: on a collection field, with an item of its item type (a key
   * for a map), on a backend that reads stored items or leaves the filter to the engine.
   */
  private void contains(ExprNode.Contains c) {
    Typed t = collectionTest(c.operand(), c.type(), c.type().shape()
        == Type.CollectionOf.Shape.MAP ? "containsKey(..)" : "contains(..)");
    Type item = c.type().shape() == Type.CollectionOf.Shape.MAP ? Type.Scalar.STRING
        : c.type().item();
    if (c.item() instanceof ExprNode.Arg a && checks[a.index()] == null) {
      checks[a.index()] = new ArgCheck(a.index(), item, false, model, t.field, ranges(),
          sensitive(model, t.field));
    }
    if (c.item() instanceof ExprNode.Const k) {
      if (k.value().isNull() || TypeCompat.coerce(item, k.value()) == null) {
        throw new InvalidStatementException(model, t.field, "a collection of "
            + TypeCompat.describe(item) + " holds no " + TypeCompat.describe(k.value()));
      }
    }
    if (capability != null && capability.fullFilters()
        && !capability.queryForms().collectionItems()) {
      throw new UnsupportedFeatureException(Feature.COLLECTION_ITEMS, capability.backend(),
          "a filter on the items of a stored collection (" + t.field + "), which this backend"
          + " stores as text its filters cannot read");
    }
  }

  /**
   * Items added to or removed from a collection field by an update: items of its type (checked
   * as any value of the field is), on a backend that makes the change without reading the row.
   */
  private void collectionChange(ExprNode.CollectionChange c) {
    String verb = switch (c.op()) {
      case ADD -> "append(..)";
      case REMOVE -> "remove(..)";
      case PUT -> "put(..)";
      case REMOVE_KEYS -> "removeKeys(..)";
    };
    Typed t = collectionTest(c.operand(), c.type(), verb);
    if (c.items() instanceof ExprNode.Arg a && checks[a.index()] == null) {
      checks[a.index()] = new ArgCheck(a.index(), c.itemsType(), false, model, t.field, ranges(),
          sensitive(model, t.field));
    }
    QueryForms.CollectionChange change = QueryForms.CollectionChange.of(c);
    if (capability != null && !capability.queryForms().changes(change)) {
      throw new UnsupportedFeatureException(Feature.COLLECTION_CHANGE, capability.backend(),
          "an update that makes a " + change.name().toLowerCase(Locale.ROOT)
          .replace('_', ' ') + " of a stored collection (" + t.field + ") without reading it;"
          + " read the record and set the whole value");
    }
  }

  /** The collection field a collection test reads, checked to be one of {@code type}. */
  private Typed collectionTest(ExprNode operand, Type.CollectionOf type, String test) {
    Typed t = typeOf(operand);
    if (t.type != null && !type.equals(t.type)) {
      throw new InvalidStatementException(model, t.field, test + " needs a collection field of "
          + type + ", was " + TypeCompat.describe(t.type));
    }
    if (capability != null && capability.fullFilters() && !capability.sql()
        && !capability.queryForms().collectionItems()) {
      throw new UnsupportedFeatureException(Feature.COLLECTION_ITEMS, capability.backend(),
          "a filter on a stored collection (" + t.field + " " + test + ")");
    }
    return t;
  }

  /** A path into a document: a JSON field, on a backend that can look inside one. */
  private void jsonText(ExprNode.JsonText j) {
    Typed t = typeOf(j.operand());
    if (t.type != null && t.type != Type.Scalar.JSON) {
      throw new InvalidStatementException(model, t.field, "a JSON path needs a @Json field, was "
          + TypeCompat.describe(t.type));
    }
    if (capability != null && !capability.jsonPaths()) {
      throw new UnsupportedFeatureException(Feature.JSON_PATH, capability.backend(),
          "filters on a path inside a JSON document (" + t.field + " -> "
          + String.join(".", j.path()) + ") need a backend that reads stored documents");
    }
  }

  /** LOWER, UPPER and LENGTH take text. */
  private void function(ExprNode.Func f) {
    Typed t = typeOf(f.operand());
    if (t.type != null && t.type != Type.Scalar.STRING && t.type != Type.Scalar.NULL) {
      throw new InvalidStatementException(model, t.field, f.op().name().toLowerCase(
          Locale.ROOT) + " needs a string, was " + TypeCompat.describe(t.type));
    }
  }

  /** A pattern matches text against text: both sides must be strings. */
  private void pattern(ExprNode.Pattern p) {
    for (ExprNode side : List.of(p.operand(), p.pattern())) {
      Typed t = typeOf(side);
      if (t.type != null && t.type != Type.Scalar.STRING && t.type != Type.Scalar.NULL) {
        throw new InvalidStatementException(model,
            t.field != null ? t.field : typeOf(p.operand()).field,
            "text matching (" + p.kind().name().toLowerCase(Locale.ROOT)
                + ") needs a string, was " + TypeCompat.describe(t.type));
      }
    }
    compare(p.operand(), p.pattern());
  }

  /** Records arg checks and rejects incompatible pairs of known types. */
  private void compare(ExprNode a, ExprNode b) {
    if (a instanceof ExprNode.Record ra && b instanceof ExprNode.Record rb) {
      if (ra.fields().size() != rb.fields().size()) {
        throw new InvalidStatementException(model, null, "cannot compare records of "
            + ra.fields().size() + " and " + rb.fields().size() + " values");
      }
      for (int i = 0; i < ra.fields().size(); i++) {
        compare(ra.fields().get(i), rb.fields().get(i));
      }
      return;
    }
    Typed ta = typeOf(a);
    Typed tb = typeOf(b);
    argCheck(b, ta);
    argCheck(a, tb);
    if (ta.type != null && tb.type != null && !TypeCompat.compatible(ta.type, tb.type)
        && ta.type != Type.Scalar.NULL && tb.type != Type.Scalar.NULL) {
      String field = ta.field != null ? ta.field : tb.field;
      String shown = b instanceof ExprNode.Const c ? (sensitive(model, field)
          ? Redaction.MASK : TypeCompat.describe(c.value()))
          : TypeCompat.describe(tb.type);
      throw new InvalidStatementException(model, field, "cannot compare "
          + TypeCompat.describe(ta.type) + " with " + shown);
    }
  }

  private void argCheck(ExprNode e, Typed other) {
    if (e instanceof ExprNode.Arg a && other.type != null && other.field != null
        && checks[a.index()] == null) {
      checks[a.index()] = new ArgCheck(a.index(), other.type, false, model, other.field, ranges(),
          sensitive(model, other.field));
    }
  }

  private boolean sensitive(String owner, @Nullable String field) {
    return schema.hasModel(owner) && schema.model(owner).fields().stream()
        .anyMatch(f -> f.sensitive() && f.name().equals(field));
  }

  private Typed typeOf(ExprNode e) {
    if (e instanceof ExprNode.Field f && schema.hasModel(f.model())) {
      FieldSchema fs = schema.model(f.model()).field(f.index());
      return new Typed(fs.type(), fs.name());
    } else if (e instanceof ExprNode.Const c) {
      return new Typed(c.value().type(), null);
    } else if (e instanceof ExprNode.Arith a) {
      Typed l = typeOf(a.left());
      return l.type != null ? l : typeOf(a.right());
    } else if (e instanceof ExprNode.RelatedAggregate r) {
      return typeOf(r.aggregate());
    } else if (e instanceof ExprNode.Aggregate a) {
      Typed operand = typeOf(a.operand());
      return new Typed(switch (a.op()) {
        case COUNT_ALL, COUNT, SUM -> Type.Scalar.I64;
        case SUM_DOUBLE, AVG -> Type.Scalar.F64;
        case SUM_DECIMAL, AVG_DECIMAL -> Type.Scalar.DECIMAL;
        case MIN, MAX -> operand.type;
      }, operand.field);
    } else if (e instanceof ExprNode.Func f) {
      Typed operand = typeOf(f.operand());
      return new Typed(f.op() == ExprNode.FuncOp.LENGTH ? Type.Scalar.I64 : Type.Scalar.STRING,
          operand.field);
    } else if (e instanceof ExprNode.JsonText j) {
      return new Typed(Type.Scalar.STRING, typeOf(j.operand()).field);
    } else if (e instanceof ExprNode.Case c) {
      return typeOf(c.otherwise());
    } else if (e instanceof ExprNode.Compare || e instanceof ExprNode.IsNotDistinctFrom
        || e instanceof ExprNode.Pattern || e instanceof ExprNode.And || e instanceof ExprNode.Or
        || e instanceof ExprNode.Not || e instanceof ExprNode.IsNull || e instanceof ExprNode.InList
        || e instanceof ExprNode.InSubquery || e instanceof ExprNode.Exists
        || e instanceof ExprNode.Related || e instanceof ExprNode.Sql) {
      return new Typed(Type.Scalar.BOOL, null);
    }
    return new Typed(null, null);
  }

  /** A type where it is known, and the field it comes from. */
  private record Typed(@Nullable Type type, @Nullable String field) {
    void ifKnown(Consumer<Type> f) {
      if (type != null) {
        f.accept(type);
      }
    }
  }
}
