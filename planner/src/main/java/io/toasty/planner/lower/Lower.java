package io.toasty.planner.lower;

import io.toasty.driver.Capability;
import io.toasty.planner.hir.Hir;
import io.toasty.planner.hir.HirOutput;
import io.toasty.planner.hir.HirStatement;
import io.toasty.planner.simplify.Simplify;
import io.toasty.schema.Schema;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowering: a simplified model-level statement becomes {@link Hir}, table-level statements with
 * a dependency graph. Models become tables and fields columns through the schema's mapping;
 * {@code Returning.Model} becomes a projection of columns plus the expressions that lift a row
 * back to the model's fields. A statement whose filter is FALSE lowers to no statement at all.
 */
public final class Lower {
  private Lower() {}

  /** The HIR of {@code s}, whose own argument slots number {@code argCount}. */
  public static Hir lower(StatementNode s, Schema schema, Capability capability, int argCount) {
    return lower(s, schema, capability, argCount, false);
  }

  /**
   * The HIR of {@code s}; with {@code databaseTime}, {@code now()} fields are written with the
   * database's time ({@code ExprNode.Now}) where the backend speaks SQL, else with the clock's.
   */
  public static Hir lower(StatementNode s, Schema schema, Capability capability, int argCount,
      boolean databaseTime) {
    String model = ((Source.Model) s.source()).model();
    LowerContext cx = new LowerContext(schema, capability, model, argCount, databaseTime);
    if (s instanceof Query q && q.lock() != null) {
      LockCheck.check(q.lock(), cx);
    }
    if (matchesNothing(s)) {
      return new Hir(model, cx.table.name(), List.of(), -1, emptyOutput(s, cx), List.of());
    }
    List<HirOutput> output = new ArrayList<>(1);
    if (s instanceof InsertNode i && LowerNestedInsert.isNested(i)) {
      int[] result = new int[1];
      List<HirStatement> statements = LowerNestedInsert.lower(i, cx, output, result);
      // Bound values follow every argument slot of the plan.
      int base = argCount + cx.extraArgs().size();
      List<HirStatement> numbered = new ArrayList<>(statements.size());
      for (HirStatement h : statements) {
        numbered.add(h.bindings().isEmpty() ? h : new HirStatement(h.id(),
            LowerNestedInsert.number(h.statement(), base), h.deps(), h.merge(), h.bindings(),
            h.nest()));
      }
      return new Hir(model, cx.table.name(), numbered, result[0], output.get(0),
          cx.extraArgs());
    }
    List<HirStatement> statements = statements(s, cx, output);
    int result = statements.size() - 1;
    if (s instanceof Query q && LowerInclude.hasIncludes(q)) {
      result = 0;
    }
    return new Hir(model, cx.table.name(), statements, result, output.get(0), cx.extraArgs());
  }

  private static List<HirStatement> statements(StatementNode s, LowerContext cx,
      List<HirOutput> output) {
    if (s instanceof UpdateNode u) {
      return LowerUpdate.lower(u, cx, output);
    }
    LowerQuery.Lowered lowered;
    if (s instanceof Query q && LowerInclude.hasIncludes(q)) {
      return LowerInclude.lower(q, cx, output);
    }
    if (s instanceof Query q) {
      lowered = LowerQuery.lower(q, cx);
    } else if (s instanceof InsertNode i) {
      lowered = LowerInsert.lower(i, cx);
    } else {
      return LowerDelete.lower((DeleteNode) s, cx, output);
    }
    output.add(lowered.output());
    return List.of(new HirStatement(0, lowered.statement(), List.of()));
  }

  private static boolean matchesNothing(StatementNode s) {
    if (s instanceof Query q && q.returning() instanceof Returning.Grouped g
        && g.groupBy().isEmpty()) {
      return false; // aggregates over no row are still one row (COUNT 0, SUM NULL)
    }
    ExprNode filter = s instanceof Query q ? q.filter() : s instanceof UpdateNode u ? u.filter()
        : s instanceof DeleteNode d ? d.filter() : ExprNode.TRUE;
    return Simplify.matchesNothing(filter) || s instanceof InsertNode i && i.rows().isEmpty();
  }

  private static HirOutput emptyOutput(StatementNode s, LowerContext cx) {
    return s.returning() instanceof Returning.Count ? new HirOutput.Count()
        : new HirOutput.Rows(LowerQuery.outputs(s.returning(), new LowerExpr(cx.schema), cx));
  }
}
