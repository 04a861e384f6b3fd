package io.toasty.planner.action;

import io.toasty.stmt.OrderBy;
import java.util.List;

/**
 * Sorts the rows of variable {@code input} in memory, refusing (naming {@code model} on
 * {@code backend}) a read of more than {@code maxRows} rows.
 */
public record SortRowsAction(int output, int input, List<OrderBy> orderBy, String model,
    String backend, int maxRows) implements Action {
  public SortRowsAction {
    orderBy = List.copyOf(orderBy);
  }

  @Override
  public List<Integer> inputs() {
    return List.of(input);
  }

  @Override
  public boolean isOperation() {
    return false;
  }
}
