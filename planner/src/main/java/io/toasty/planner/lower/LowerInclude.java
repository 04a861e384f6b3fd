package io.toasty.planner.lower;

import io.toasty.planner.hir.HirDep;
import io.toasty.planner.hir.HirMerge;
import io.toasty.planner.hir.HirOutput;
import io.toasty.planner.hir.HirStatement;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.stmt.Expr;
import io.toasty.stmt.Include;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import java.util.ArrayList;
import java.util.List;

/**
 * INCLUDE lowering: a query that preloads relations becomes one table query per relation level,
 * each merged into its parent ({@link HirMerge}): the parent's rows give the keys that restrict
 * the child ({@code child.fk IN (parent keys)}), and the child's rows fill a slot of each parent
 * row. A many-to-many relation is two levels: the join model's rows, flattened into their
 * targets. Records get one value per relation field: the merged slot, or NULL (not loaded).
 */
final class LowerInclude {
  private final LowerContext root;
  private final List<HirStatement> statements = new ArrayList<>();

  private LowerInclude(LowerContext root) {
    this.root = root;
  }

  /** The statements of {@code q} (the result first) and the result's output. */
  static List<HirStatement> lower(Query q, LowerContext cx, List<HirOutput> output) {
    LowerInclude li = new LowerInclude(cx);
    List<Expr> outputs = li.level(q, cx.model.name(), null, false);
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
  private List<Expr> level(Query q, String model, Merge merge, boolean child) {
    LowerContext cx = new LowerContext(root.schema, root.capability, model, 0);
    LowerExpr lx = new LowerExpr(root.schema);
    List<OrderBy> orderBy = lx.orderBy(q.orderBy());
    // Without an order of the user's, each parent's children come in key order, sorted in the
    // merge: the child query has no ORDER BY, because H2 with bound IN markers and any ORDER BY
    // walks the whole index and tests each row against the window's markers (3.6 times the
    // hand-written two queries, benchmarks/PROFILE.md), and a database needs no sort to group.
    List<Integer> sortColumns = child && orderBy.isEmpty() ? cx.table.primaryKey() : List.of();
    Query table = new Query(new io.toasty.stmt.Source.Table(cx.table.name()), lx.expr(q.filter()),
        new Returning.Project(cx.allColumns()), orderBy, child ? null : q.limit(),
        child ? null : q.lock());
    int id = statements.size();
    statements.add(null);
    List<Include> includes = q.returning() instanceof Returning.Model m ? m.includes() : List.of();
    ModelSchema schema = cx.model;
    int columns = cx.table.columns().size();
    Expr[] relationSlots = new Expr[schema.relations().size()];
    for (int slot = 0; slot < includes.size(); slot++) {
      Include inc = includes.get(slot);
      RelationSchema r = schema.relationAt(inc.relation().index());
      include(id, slot, schema, cx.mapping, r, inc.scope());
      relationSlots[r.index()] = new Expr.Column(cx.table.name(), columns + slot);
    }
    List<Expr> outputs = new ArrayList<>(cx.mapping.fieldFromColumns());
    if (!includes.isEmpty()) {
      for (Expr e : relationSlots) {
        outputs.add(e == null ? Expr.NULL : e);
      }
    }
    HirMerge hirMerge = null;
    List<HirDep> deps = List.of();
    if (merge != null) {
      hirMerge = new HirMerge(merge.parent, merge.slot, merge.relation, merge.parentColumns,
          merge.childColumns, merge.many, merge.flatten, sortColumns, outputs);
      deps = List.of(new HirDep(merge.parent, HirDep.Kind.KEYS));
    }
    statements.set(id, new HirStatement(id, table, deps, hirMerge, List.of()));
    return outputs;
  }

  private void include(int parent, int slot, ModelSchema source, ModelMapping mapping,
      RelationSchema r, Query scope) {
    ModelMapping target = root.schema.mapping(r.target());
    List<Integer> sourceColumns = columns(mapping, r.sourceFields());
    if (r.through() == null) {
      List<Integer> targetColumns = columns(target, r.targetFields());
      level(scope, r.target(), new Merge(parent, slot, r.name(), sourceColumns, targetColumns,
          r.isMany(), false), true);
      return;
    }
    RelationSchema.Through via = r.through();
    ModelMapping join = root.schema.mapping(via.model());
    // The join rows, each with its one target, flattened: the targets in the join rows' key
    // order, sorted in the merge.
    int joinId = statements.size();
    Query joinQuery = Query.all(via.model());
    LowerContext jcx = new LowerContext(root.schema, root.capability, via.model(), 0);
    statements.add(null);
    int joinColumns = jcx.table.columns().size();
    level(scope, r.target(), new Merge(joinId, 0, via.path().get(1),
        columns(join, via.targetFields()), columns(target, r.targetFields()), false, false), true);
    List<Expr> joinOutputs = new ArrayList<>(join.fieldFromColumns());
    joinOutputs.add(new Expr.Column(jcx.table.name(), joinColumns));
    Query joinTable = new Query(new io.toasty.stmt.Source.Table(jcx.table.name()),
        LowerExpr.lower(joinQuery.filter(), root.schema), new Returning.Project(jcx.allColumns()),
        List.of(), null);
    statements.set(joinId, new HirStatement(joinId, joinTable,
        List.of(new HirDep(parent, HirDep.Kind.KEYS)),
        new HirMerge(parent, slot, r.name() + " (through " + via.model() + ")", sourceColumns,
            columns(join, via.sourceFields()), true, true, jcx.table.primaryKey(), joinOutputs),
        List.of()));
  }

  private static List<Integer> columns(ModelMapping mapping, List<Integer> fields) {
    List<Integer> out = new ArrayList<>(fields.size());
    for (int f : fields) {
      out.add(mapping.columnOf(f));
    }
    return out;
  }

  private record Merge(int parent, int slot, String relation, List<Integer> parentColumns,
      List<Integer> childColumns, boolean many, boolean flatten) {}
}
