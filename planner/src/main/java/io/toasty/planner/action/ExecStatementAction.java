package io.toasty.planner.action;

import io.toasty.planner.plan.node.KeyBinding;
import io.toasty.planner.plan.node.RowBinding;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sends {@code Operation.QuerySql} (or {@code Operation.Insert} for an insert) with this
 * statement. With {@code keys}, the statement is first restricted to the keys in that variable.
 */
public record ExecStatementAction(int output, StatementNode statement, List<Type> rowType,
    @Nullable KeyBinding keys, List<RowBinding> bindings) implements Action {
  public ExecStatementAction {
    rowType = List.copyOf(rowType);
    bindings = List.copyOf(bindings);
  }

  /** An action that binds no other variable's values. */
  public ExecStatementAction(int output, StatementNode statement, List<Type> rowType,
      KeyBinding keys) {
    this(output, statement, rowType, keys, List.of());
  }

  @Override
  public List<Integer> inputs() {
    Set<Integer> in = new LinkedHashSet<>();
    if (keys != null) {
      in.add(keys.input());
    }
    bindings.forEach(b -> in.add(b.input()));
    return List.copyOf(in);
  }

  /** Whether this sends {@code Operation.Insert}. */
  public boolean isInsert() {
    return statement instanceof InsertNode;
  }

  @Override
  public <R> R accept(ActionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
