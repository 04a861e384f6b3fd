package io.toasty.planner.action;

import io.toasty.planner.plan.KeyBinding;
import io.toasty.stmt.Insert;
import io.toasty.stmt.Statement;
import io.toasty.value.Type;
import java.util.List;

/**
 * Sends {@code Operation.QuerySql} (or {@code Operation.Insert} for an insert) with this
 * statement. With {@code keys}, the statement is first restricted to the keys in that variable.
 */
public record ExecStatementAction(int output, Statement statement, List<Type> rowType,
    KeyBinding keys) implements Action {
  public ExecStatementAction {
    rowType = List.copyOf(rowType);
  }

  @Override
  public List<Integer> inputs() {
    return keys == null ? List.of() : List.of(keys.input());
  }

  /** Whether this sends {@code Operation.Insert}. */
  public boolean isInsert() {
    return statement instanceof Insert;
  }
}
