package io.toasty.planner.lower;

import io.toasty.Feature;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.hir.HirDep;
import io.toasty.planner.hir.HirOutput;
import io.toasty.planner.hir.HirStatement;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.RowLock;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A model update becomes a table update. Returning the updated records uses the backend's
 * returning-from-mutation where it has one; otherwise it becomes three statements: select the
 * matching keys, update those keys, re-select those keys (a filter on updated fields would not
 * find the rows again).
 */
final class LowerUpdate {
  private LowerUpdate() {}

  static List<HirStatement> lower(UpdateNode u, LowerContext cx, List<HirOutput> output) {
    LowerExpr lx = new LowerExpr(cx.schema);
    boolean model = u.returning() instanceof Returning.Model;
    if (u.assignments().isEmpty()) {
      return nothingToSet(u, cx, output, model);
    }
    List<Assignment> assignments = assignments(UpdateStamp.stamped(cx, VersionBump.bumped(cx, u.assignments())), lx,
        cx);
    ExprNode filter = lx.expr(u.filter());
    String table = cx.table.name();
    if (!model) {
      output.add(new HirOutput.Count());
      return List.of(
          new HirStatement(
              0,
              new UpdateNode(new Source.Table(table), filter, assignments, new Returning.Count()),
              List.of()));
    }
    output.add(new HirOutput.Rows(cx.mapping.fieldFromColumns()));
    if (cx.capability.returningFromMutation() || !cx.capability.sql()) {
      return List.of(
          new HirStatement(
              0,
              new UpdateNode(
                  new Source.Table(table),
                  filter,
                  assignments,
                  new Returning.Project(cx.allColumns())),
              List.of()));
    }
    return updateThenReselect(table, filter, assignments, cx);
  }

  private static List<HirStatement> updateThenReselect(String table, ExprNode filter,
      List<Assignment> assignments, LowerContext cx) {
    // The keys are read with row locks (the plan runs in a transaction), so the rows still match
    // the filter when the update runs: a @Version checked here cannot be passed by a concurrent
    // update between the two statements.
    Query keys = new Query(new Source.Table(table), filter,
        new Returning.Project(cx.keyColumns()), List.of(), null,
        cx.capability.rowLocks() ? new RowLock(RowLock.Mode.UPDATE, RowLock.OnLocked.WAIT) : null);
    UpdateNode update = new UpdateNode(new Source.Table(table), ExprNode.TRUE, assignments,
        new Returning.Count());
    Query reselect = new Query(new Source.Table(table), ExprNode.TRUE,
        new Returning.Project(cx.allColumns()), List.of(), null);
    HirDep keysOf0 = new HirDep(0, HirDep.Kind.KEYS);
    return List.of(new HirStatement(0, keys, List.of()),
        new HirStatement(1, update, List.of(keysOf0)),
        new HirStatement(2, reselect, List.of(keysOf0, new HirDep(1, HirDep.Kind.AFTER))));
  }

  private static List<HirStatement> nothingToSet(UpdateNode u, LowerContext cx,
      List<HirOutput> output, boolean model) {
    if (!model) {
      throw new InvalidStatementException(cx.model.name(), null,
          "an update must set at least one field");
    }
    Query q = new Query(u.target(), u.filter(), Returning.Model.plain(), List.of(), null);
    LowerQuery.Lowered lowered = LowerQuery.lower(q, cx);
    output.add(lowered.output());
    return List.of(new HirStatement(0, lowered.statement(), List.of()));
  }

  private static List<Assignment> assignments(List<Assignment> in, LowerExpr lx,
      LowerContext cx) {
    List<Assignment> out = new ArrayList<>(in.size());
    for (Assignment a : in) {
      int column = cx.mapping.columnOf(a.target());
      if (column < 0) {
        throw new UnsupportedFeatureException(Feature.MULTI_COLUMN_UPDATE, null, cx.model.name()
            + "." + cx.model.field(a.target()).name());
      }
      out.add(new Assignment(column, lx.expr(a.value())));
    }
    return out;
  }
}
