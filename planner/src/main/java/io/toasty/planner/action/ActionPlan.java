package io.toasty.planner.action;

import io.toasty.planner.plan.node.Output;
import java.util.List;
import java.util.Objects;

/**
 * The executable form of a plan: actions in a topological order over numbered variables.
 *
 * <p>Actions whose variable does not stream run first, in order, each storing its whole output
 * (or, with no readers, running for its effect). Then the result variable is produced: it and the
 * variables that stream into it are chained as one stream, so a single-statement read hands rows
 * on as the driver produces them.
 *
 * @param actions     the actions
 * @param vars        one per action, same index
 * @param result      the variable that is the result
 * @param output      how the result becomes what the executor emits
 * @param transaction whether the actions must run in one transaction
 */
public record ActionPlan(List<Action> actions, List<Var> vars, int result, Output output,
    boolean transaction) {
  public ActionPlan {
    actions = List.copyOf(actions);
    vars = List.copyOf(vars);
    Objects.requireNonNull(output, "output");
  }

  /** Whether any action sends an operation to the driver (else no connection is needed). */
  public boolean needsConnection() {
    for (Action a : actions) { // a loop, not a stream: this runs for every execution
      if (a.isOperation()) {
        return true;
      }
    }
    return false;
  }

  /** The action that writes variable {@code id}. */
  public Action producer(int id) {
    return actions.get(id);
  }
}
