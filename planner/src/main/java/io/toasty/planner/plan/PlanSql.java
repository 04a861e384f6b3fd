package io.toasty.planner.plan;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.expr.Walk;
import io.toasty.planner.hir.Hir;
import io.toasty.planner.hir.HirDep;
import io.toasty.planner.hir.HirStatement;
import io.toasty.planner.plan.node.Concat;
import io.toasty.planner.plan.node.ExecStatement;
import io.toasty.planner.plan.node.KeyBinding;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.plan.node.RowBinding;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans HIR for a SQL backend: one {@link ExecStatement} per HIR statement, with key bindings and
 * ordering taken from the HIR edges. A multi-row insert on a backend without multi-row inserts
 * becomes one insert per row, concatenated.
 */
final class PlanSql {
  private final Schema schema;
  private final Capability capability;
  private final MirBuilder b = new MirBuilder();

  private PlanSql(Schema schema, Capability capability) {
    this.schema = schema;
    this.capability = capability;
  }

  static Mir plan(Hir hir, Schema schema, Capability capability) {
    return new PlanSql(schema, capability).run(hir);
  }

  private Mir run(Hir hir) {
    int[] ids = new int[hir.statements().size()];
    for (HirStatement s : hir.statements()) {
      if (s.merge() != null) {
        continue; // read per window by the parent's NestedMerge
      }
      checkSubqueries(s.statement());
      ids[s.id()] = statement(s, ids);
    }
    StatementNode result = hir.statements().get(hir.result()).statement();
    List<Integer> fetched = new ArrayList<>(ExecStatement.fetched(result));
    if (PlanNestCreated.nests(hir)) {
      List<List<Integer>> each = new ArrayList<>();
      hir.statements().forEach(s -> each.add(ExecStatement.fetched(s.statement())));
      int root = PlanNestCreated.wrap(b, hir, schema, ids, each, fetched);
      return b.build(root, Plan.output(hir.output(), fetched));
    }
    int root = PlanNestedMerge.wrap(b, hir, schema, capability, hir.result(), ids[hir.result()],
        fetched);
    return b.build(root, Plan.output(hir.output(), fetched));
  }

  private int statement(HirStatement s, int[] ids) {
    KeyBinding keys = null;
    List<Integer> after = new ArrayList<>();
    for (HirDep d : s.deps()) {
      if (d.kind() == HirDep.Kind.KEYS) {
        TableSchema t = schema.table(table(s.statement()));
        keys = new KeyBinding(ids[d.statement()], t.name(),
            d.columns().isEmpty() ? t.primaryKey() : d.columns(), d.positions());
      } else {
        after.add(ids[d.statement()]);
      }
    }
    List<RowBinding> bindings = new ArrayList<>();
    for (var binding : s.bindings()) {
      bindings.add(new RowBinding(ids[binding.statement()], binding.row(), binding.column()));
    }
    if (s.statement() instanceof InsertNode i
        && i.rows().size() > 1
        && !capability.multiRowInsert()) {
      if (!bindings.isEmpty()) {
        throw new UnsupportedFeatureException(Feature.MULTI_ROW_INSERT, capability
            .backend(), "this backend inserts one row per statement; create them one by one");
      }
      return rowByRow(i, after);
    }
    return b.add(new ExecStatement(s.statement(), rowType(s.statement()), keys, after,
        bindings));
  }

  private int rowByRow(InsertNode i, List<Integer> after) {
    List<Integer> inserts = new ArrayList<>(i.rows().size());
    for (ExprNode.Record row : i.rows()) {
      InsertNode one = i.with(i.columns(), List.of(row), i.returning());
      inserts.add(b.add(new ExecStatement(one, rowType(one), null, after)));
    }
    return b.add(new Concat(inserts, List.of(), i.returning() instanceof Returning.Count));
  }

  private List<Type> rowType(StatementNode s) {
    List<Type> out = new ArrayList<>();
    if (s.returning() instanceof Returning.Project p) {
      TableSchema t = schema.table(table(s));
      for (ExprNode e : p.exprs()) {
        out.add(ComputedType.of(schema, t, e));
      }
    } else if (s.returning() instanceof Returning.Keys k) {
      TableSchema t = schema.table(table(s));
      k.indexes().forEach(c -> out.add(t.column(c).type()));
    }
    return out;
  }

  private void checkSubqueries(StatementNode s) {
    ExprNode filter = s instanceof Query q ? q.filter() : s instanceof UpdateNode u ? u.filter()
        : s instanceof DeleteNode d ? d.filter() : ExprNode.TRUE;
    if (!capability.subqueries() && Walk.hasSubquery(filter)) {
      throw new UnsupportedFeatureException(Feature.SUBQUERIES, capability.backend(), "filter "
          + table(s) + " by values instead");
    }
  }

  static String table(StatementNode s) {
    return ((Source.Table) s.source()).table();
  }
}
