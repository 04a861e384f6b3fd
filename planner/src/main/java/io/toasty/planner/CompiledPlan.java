package io.toasty.planner;

import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.action.DirectRead;
import io.toasty.planner.lower.ExtraArg;
import io.toasty.planner.plan.node.Output;
import io.toasty.planner.verify.ArgCheck;
import io.toasty.stmt.StatementNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A statement shape compiled once and run many times: what each argument must hold, the argument
 * slots lowering added, and the actions to run.
 *
 * @param shape     the parameterized model-level statement (the cache key)
 * @param argCount  how many arguments the shape takes
 * @param checks    per argument slot, its check (null where there is none)
 * @param extraArgs the slots after the shape's own: constants and generated values
 * @param actions   the action plan
 * @param direct    the plan as a read the driver builds into records, or null (see
 *                  {@link DirectRead})
 * @param phases    how long its compile's phases took, for the first statement to report them
 */
public record CompiledPlan(StatementNode shape, int argCount, List<ArgCheck> checks,
    List<ExtraArg> extraArgs, ActionPlan actions, @Nullable DirectRead direct,
    PlanPhases phases) {
  public CompiledPlan {
    Objects.requireNonNull(shape, "shape");
    checks = Collections.unmodifiableList(new ArrayList<>(checks));
    extraArgs = List.copyOf(extraArgs);
    Objects.requireNonNull(actions, "actions");
    Objects.requireNonNull(phases, "phases");
  }

  /** A compiled plan whose compile was not timed. */
  public CompiledPlan(StatementNode shape, int argCount, List<ArgCheck> checks,
      List<ExtraArg> extraArgs, ActionPlan actions, @Nullable DirectRead direct) {
    this(shape, argCount, checks, extraArgs, actions, direct, PlanPhases.NONE);
  }

  /** A compiled plan, with its direct read found in {@code actions}. */
  public CompiledPlan(StatementNode shape, int argCount, List<ArgCheck> checks,
      List<ExtraArg> extraArgs, ActionPlan actions) {
    this(shape, argCount, checks, extraArgs, actions, DirectRead.of(actions));
  }

  /** How the result is handed back. */
  public Output output() {
    return actions.output();
  }
}
