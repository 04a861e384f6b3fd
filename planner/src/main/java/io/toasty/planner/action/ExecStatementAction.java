package io.toasty.planner.action;

import io.toasty.planner.plan.KeyBinding;
import io.toasty.planner.plan.RowBinding;
import io.toasty.stmt.Insert;
import io.toasty.stmt.Statement;
import io.toasty.value.Type;
import java.util.List;

/**
 * Sends {@code Operation.QuerySql} (or {@code Operation.Insert} for an insert) with this
 * statement. With {@code keys}, the statement is first restricted to the keys in that variable.
 */
public record ExecStatementAction(int output, Statement statement, List<Type> rowType,
    KeyBinding keys, List<RowBinding> bindings) implements Action {
  public ExecStatementAction {
    rowType = List.copyOf(rowType);
    bindings = List.copyOf(bindings);
  }

  /** An action that binds no other variable's values. */
  public ExecStatementAction(int output, Statement statement, List<Type> rowType,
      KeyBinding keys) {
    this(output, statement, rowType, keys, List.of());
  }

  @Override
  public List<Integer> inputs() {
    java.util.Set<Integer> in = new java.util.LinkedHashSet<>();
    if (keys != null) {
      in.add(keys.input());
    }
    bindings.forEach(b -> in.add(b.input()));
    return List.copyOf(in);
  }

  /** Whether this sends {@code Operation.Insert}. */
  public boolean isInsert() {
    return statement instanceof Insert;
  }
}
