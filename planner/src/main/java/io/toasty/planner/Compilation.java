package io.toasty.planner;

import io.toasty.driver.Capability;
import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.action.DirectRead;
import io.toasty.planner.action.PlanActions;
import io.toasty.planner.eager.EagerIncludes;
import io.toasty.planner.expr.ArgCount;
import io.toasty.planner.hir.Hir;
import io.toasty.planner.lower.Lower;
import io.toasty.planner.plan.Plan;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.simplify.Simplify;
import io.toasty.planner.verify.ArgCheck;
import io.toasty.planner.verify.Verify;
import io.toasty.schema.Schema;
import io.toasty.stmt.StatementNode;
import java.util.List;

/** The output of every phase for one shape; {@link Planner} keeps the plan, explain prints all. */
record Compilation(
    StatementNode shape,
    int argCount,
    List<ArgCheck> checks,
    StatementNode simplified,
    Hir hir,
    Mir mir,
    ActionPlan actions,
    PlanPhases phases) {

  /**
   * Runs the eager rewrite, verify, simplify, lower, plan and execution planning on
   * {@code shape}.
   */
  static Compilation run(StatementNode shape, Schema schema, Capability capability) {
    return run(shape, schema, capability, false);
  }

  static Compilation run(StatementNode shape, Schema schema, Capability capability,
      boolean databaseTime) {
    PlanPhases.Timer timer = new PlanPhases.Timer();
    int argCount = ArgCount.of(shape);
    StatementNode expanded = EagerIncludes.expand(shape, schema); // adds no argument slot
    timer.lap("eager");
    List<ArgCheck> checks = Verify.verify(expanded, schema, argCount, capability);
    timer.lap("verify");
    StatementNode simplified = Simplify.statement(expanded, schema);
    timer.lap("simplify");
    Hir hir = Lower.lower(simplified, schema, capability, argCount, databaseTime);
    timer.lap("lower");
    Mir mir = Plan.plan(hir, schema, capability);
    timer.lap("plan");
    ActionPlan actions = PlanActions.plan(mir, capability);
    timer.lap("actions");
    return new Compilation(shape, argCount, checks, simplified, hir, mir, actions,
        timer.phases());
  }

  CompiledPlan plan() {
    return new CompiledPlan(shape, argCount, checks, hir.extraArgs(), actions,
        DirectRead.of(actions), phases);
  }
}
