package io.toasty.planner.lower;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.hir.HirDep;
import io.toasty.planner.hir.HirMerge;
import io.toasty.planner.hir.HirOutput;
import io.toasty.planner.hir.HirStatement;
import io.toasty.planner.hir.JoinedColumn;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.IncludeNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.ReadConsistency;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * INCLUDE lowering: a query that preloads relations becomes one table query per relation level,
 * each merged into its parent ({@link HirMerge}): the parent's rows give the keys that restrict
 * the child ({@code child.fk IN (parent keys)}), and the child's rows fill a slot of each parent
 * row. A many-to-many relation is one level on SQL (the targets joined to their join rows, whose
 * foreign key to the source restricts and groups them) and two elsewhere (the join model's rows,
 * flattened into their targets). Records get one value per relation field: the merged slot, or
 * NULL (not loaded).
 */
final class LowerInclude {
  private final LowerContext root;
  /** The query's read consistency, which every level's read keeps. */
  private final ReadConsistency consistency;
  private final List<HirStatement> statements = new ArrayList<>();

  private LowerInclude(LowerContext root, ReadConsistency consistency) {
    this.root = root;
    this.consistency = consistency;
  }

  /** The statements of {@code q} (the result first) and the result's output. */
  static List<HirStatement> lower(Query q, LowerContext cx, List<HirOutput> output) {
    LowerInclude li = new LowerInclude(cx, q.consistency());
    List<ExprNode> outputs = li.level(q, cx.model.name(), null, false);
    output.add(new HirOutput.Rows(outputs));
    return li.statements;
  }

  /** Whether {@code q} preloads any relation. */
  static boolean hasIncludes(Query q) {
    return q.returning() instanceof Returning.Model m && !m.includes().isEmpty();
  }

  /**
   * Lowers one level: its statement, then each of its includes. Returns the level's record as
   * expressions over its columns and merged slots.
   *
   * @param merge how this level merges into its parent (null for the result); its outputs are
   *              filled in here
   */
  private List<ExprNode> level(Query q, String model, @Nullable Merge merge, boolean child) {
    return level(q, model, merge, child, null);
  }

  /**
   * Lowers one level, its table joined to {@code through}'s join table where that is not null.
   */
  private List<ExprNode> level(Query q, String model, @Nullable Merge merge, boolean child,
      @Nullable Joined through) {
    LowerContext cx = new LowerContext(root.schema, root.capability, model, 0);
    LowerExpr lx = new LowerExpr(root.schema);
    List<OrderBy> orderBy = lx.orderBy(q.orderBy());
    // Without an order of the user's, each parent's children come in key order, sorted in the
    // merge: the child query has no ORDER BY, because H2 with bound IN markers and any ORDER BY
    // walks the whole index and tests each row against the window's markers (3.6 times the
    // hand-written two queries, docs/design/performance.md), and a database needs no sort to group.
    List<Integer> sortColumns = !child || !orderBy.isEmpty() ? List.of()
        : through == null ? cx.table.primaryKey() : through.sortColumns();
    List<ExprNode> fetched = new ArrayList<>(DeferredFields.fetched(q.returning(), cx));
    if (through != null) {
      fetched.addAll(through.fetched());
    }
    Limit limit = q.limit();
    if (child && limit != null) {
      // A limit per parent: numbered within each foreign key value, in the include's order
      // (the key's without one). A many-to-many include refused its limit before it got here:
      // its child columns are the join rows' (JoinedColumn numbers), not this table's.
      limit = limit.perPartition(columnsOf(cx.table.name(),
          Objects.requireNonNull(merge, "a child level merges").childColumns));
      orderBy = orderBy.isEmpty() ? keyOrder(cx.table.name(), sortColumns) : orderBy;
    }
    Query table = new Query(new Source.Table(cx.table.name(),
        through == null ? null : through.join()), lx.expr(q.filter()),
        new Returning.Project(fetched), orderBy, child ? limit : q.limit(),
        child ? null : q.lock(), consistency);
    int id = statements.size();
    statements.add(null);
    List<IncludeNode> includes =
        q.returning() instanceof Returning.Model m ? m.includes() : List.of();
    ModelSchema schema = cx.model;
    int columns = cx.table.columns().size();
    ExprNode[] relationSlots = new ExprNode[schema.relations().size()];
    for (int slot = 0; slot < includes.size(); slot++) {
      IncludeNode inc = includes.get(slot);
      RelationSchema r = schema.relationAt(inc.relation().index());
      include(id, slot, schema, cx.mapping, r, inc.scope());
      relationSlots[r.index()] = new ExprNode.Column(cx.table.name(), columns + slot);
    }
    List<ExprNode> outputs = new ArrayList<>(DeferredFields.outputs(q.returning(), cx));
    if (!includes.isEmpty()) {
      for (ExprNode e : relationSlots) {
        outputs.add(e == null ? ExprNode.NULL : e);
      }
    }
    HirMerge hirMerge = null;
    List<HirDep> deps = List.of();
    if (merge != null) {
      // the records are the model's, field for field, when nothing but its fields is read
      String records = through == null && includes.isEmpty()
          && outputs.size() == cx.model.fields().size() ? model : null;
      hirMerge = new HirMerge(merge.parent, merge.slot, merge.relation, merge.parentColumns,
          merge.childColumns, merge.many, merge.flatten, sortColumns, List.of(), outputs,
          records);
      deps = List.of(new HirDep(merge.parent, HirDep.Kind.KEYS));
    }
    statements.set(id, new HirStatement(id, table, deps, hirMerge, List.of()));
    return outputs;
  }

  private void include(int parent, int slot, ModelSchema source, ModelMapping mapping,
      RelationSchema r, Query scope) {
    ModelMapping target = root.schema.mapping(r.target());
    List<Integer> sourceColumns = columns(mapping, r.sourceFields());
    if (r.isMultiStep()) {
      steps(parent, slot, r, scope, sourceColumns);
      return;
    }
    if (r.through() == null) {
      List<Integer> targetColumns = columns(target, r.targetFields());
      // a relation to one variant of a polymorphic model reads that variant's records only
      level(scope.withFilter(r.narrow(scope.filter())), r.target(), new Merge(parent, slot,
          r.name(), sourceColumns, targetColumns, r.isMany(), false), true);
      return;
    }
    RelationSchema.Through via = r.through();
    ModelMapping join = root.schema.mapping(via.model());
    if (root.capability.sql()) {
      joined(parent, slot, r, scope, sourceColumns, join);
      return;
    }
    // The join rows, each with its one target, flattened: the targets in the join rows' key
    // order, sorted in the merge, then in the include's order, if it has one (the targets are
    // read by key, in no order of their own).
    int joinId = statements.size();
    Query joinQuery = Query.all(via.model());
    LowerContext jcx = new LowerContext(root.schema, root.capability, via.model(), 0);
    statements.add(null);
    int joinColumns = jcx.table.columns().size();
    List<ExprNode> targetOutputs = level(scope, r.target(), new Merge(joinId, 0, via.path().get(1),
        columns(join, via.targetFields()), columns(target, r.targetFields()), false, false), true);
    List<OrderBy> flatOrder = FlatOrder.of(new LowerExpr(root.schema).orderBy(scope.orderBy()),
        targetOutputs, root.capability.backend(), r.name());
    List<ExprNode> joinOutputs = new ArrayList<>(join.fieldFromColumns());
    joinOutputs.add(new ExprNode.Column(jcx.table.name(), joinColumns));
    Query joinTable = new Query(new Source.Table(jcx.table.name()),
        LowerExpr.lower(joinQuery.filter(), root.schema), new Returning.Project(jcx.allColumns()),
        List.of(), null, null, consistency);
    statements.set(joinId, new HirStatement(joinId, joinTable,
        List.of(new HirDep(parent, HirDep.Kind.KEYS)),
        new HirMerge(parent, slot, r.name() + " (through " + via.model() + ")", sourceColumns,
            columns(join, via.sourceFields()), true, true, jcx.table.primaryKey(), flatOrder,
            joinOutputs),
        List.of()));
  }

  private static List<ExprNode> columnsOf(String table, List<Integer> columns) {
    List<ExprNode> out = new ArrayList<>(columns.size());
    columns.forEach(c -> out.add(new ExprNode.Column(table, c)));
    return out;
  }

  private static List<OrderBy> keyOrder(String table, List<Integer> key) {
    List<OrderBy> out = new ArrayList<>(key.size());
    key.forEach(c -> out.add(new OrderBy(new ExprNode.Column(table, c), OrderBy.Direction.ASC)));
    return out;
  }

  /**
   * A many-to-many include as one query: the targets joined to their join rows ({@code
   * join.targetFk = target.key}), restricted by and grouped on the join rows' foreign key to the
   * source, in the include's order or else the join rows' key order.
   */
  private void joined(int parent, int slot, RelationSchema r, Query scope,
      List<Integer> sourceColumns, ModelMapping join) {
    RelationSchema.Through via = Objects.requireNonNull(r.through(), "a join goes through");
    ModelMapping target = root.schema.mapping(r.target());
    TableSchema joinTable = root.schema.table(join.table());
    List<Integer> sourceFk = columns(join, via.sourceFields());
    List<ExprNode> fetched = new ArrayList<>();
    List<Integer> childColumns = new ArrayList<>();
    List<Integer> sortColumns = new ArrayList<>();
    for (int c : sourceFk) {
      fetched.add(new ExprNode.Column(joinTable.name(), c));
      childColumns.add(JoinedColumn.of(c));
    }
    for (int c : joinTable.primaryKey()) {
      fetched.add(new ExprNode.Column(joinTable.name(), c));
      sortColumns.add(JoinedColumn.of(c));
    }
    Source.Join on = new Source.Join(joinTable.name(),
        columns(join, via.targetFields()), columns(target, r.targetFields()));
    level(scope, r.target(), new Merge(parent, slot, r.name() + " (through " + via.model() + ")",
        sourceColumns, childColumns, true, false), true, new Joined(on, fetched, sortColumns));
  }

  /**
   * A multi-step via include: a level per step, each intermediate one's rows flattened into the
   * records its own single merged slot holds (in its key order), the last the include's own.
   */
  private void steps(int parent, int slot, RelationSchema r, Query scope,
      List<Integer> sourceColumns) {
    List<RelationSchema.Step> steps = r.steps();
    if (!scope.orderBy().isEmpty()) {
      // Each intermediate record's targets come in order, but they are concatenated in the
      // intermediate records' key order: the include's order would hold within each only.
      throw new UnsupportedFeatureException(Feature.INCLUDE_SHAPE,
          root.capability.backend(), "an order on the multi-step via include " + r.name()
          + ": order the loaded records, or query the relation (record." + r.name()
          + "().orderBy(..))");
    }
    String name = r.name() + " (via " + steps.stream().map(RelationSchema.Step::relation)
        .collect(Collectors.joining(".")) + ")";
    int into = parent;
    int intoSlot = slot;
    List<Integer> intoColumns = sourceColumns;
    for (int i = 0; i < steps.size() - 1; i++) {
      RelationSchema.Step step = steps.get(i);
      ModelMapping mid = root.schema.mapping(step.target());
      LowerContext mcx = new LowerContext(root.schema, root.capability, step.target(), 0);
      int id = statements.size();
      List<ExprNode> outputs = new ArrayList<>(mid.fieldFromColumns());
      outputs.add(new ExprNode.Column(mcx.table.name(), mcx.table.columns().size()));
      Query all = new Query(new Source.Table(mcx.table.name()), ExprNode.TRUE,
          new Returning.Project(mcx.allColumns()), List.of(), null, null, consistency);
      statements.add(new HirStatement(id, all, List.of(new HirDep(into, HirDep.Kind.KEYS)),
          new HirMerge(into, intoSlot, name, intoColumns, columns(mid, step.targetFields()),
              true, true, mcx.table.primaryKey(), List.of(), outputs), List.of()));
      into = id;
      intoSlot = 0;
      intoColumns = columns(mid, steps.get(i + 1).sourceFields());
    }
    RelationSchema.Step last = steps.get(steps.size() - 1);
    level(scope, r.target(), new Merge(into, intoSlot, name, intoColumns,
        columns(root.schema.mapping(r.target()), last.targetFields()), last.many(), false), true);
  }

  private static List<Integer> columns(ModelMapping mapping, List<Integer> fields) {
    List<Integer> out = new ArrayList<>(fields.size());
    for (int f : fields) {
      out.add(mapping.columnOf(f));
    }
    return out;
  }

  /**
   * How a level joins its table: the join, the joined table's columns it fetches after its own,
   * and the (numbered) joined columns that order each parent's rows by default.
   */
  private record Joined(Source.Join join, List<ExprNode> fetched,
      List<Integer> sortColumns) {}

  private record Merge(int parent, int slot, String relation, List<Integer> parentColumns,
      List<Integer> childColumns, boolean many, boolean flatten) {}
}
