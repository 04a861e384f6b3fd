package io.toasty.planner.action;

import io.toasty.stmt.OrderBy;
import java.util.List;

/**
 * Sorts the rows of variable {@code input} in memory, refusing (naming {@code model} on
 * {@code backend}) a read of more than {@code maxRows} rows; rows already ordered by the first
 * {@code presorted} terms are sorted a run of equal ones at a time.
 */
public record SortRowsAction(int output, int input, List<OrderBy> orderBy, String model,
    String backend, int maxRows, int presorted) implements Action {
  public SortRowsAction {
    orderBy = List.copyOf(orderBy);
  }

  /** A sort of rows in no particular order. */
  public SortRowsAction(int output, int input, List<OrderBy> orderBy, String model,
      String backend, int maxRows) {
    this(output, input, orderBy, model, backend, maxRows, 0);
  }

  @Override
  public List<Integer> inputs() {
    return List.of(input);
  }

  @Override
  public boolean isOperation() {
    return false;
  }

  @Override
  public <R> R accept(ActionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
