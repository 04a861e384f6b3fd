package io.toasty.planner.plan.node;

import io.toasty.planner.plan.node.MirNode;
import io.toasty.stmt.OrderBy;
import java.util.List;
import java.util.Objects;

/**
 * The rows of {@code input} sorted in memory by {@code orderBy} (expressions over the row's
 * positions), for an order the backend's read cannot deliver (a key-value backend orders by its
 * sort key only). Every row is held until the input ends, so at most {@code maxRows} are taken:
 * one more fails the execution with a refusal naming {@code model}, never a partial order.
 * NULL sorts below every value, as on H2, MySQL/MariaDB and SQLite. When the input already comes
 * ordered by the first {@code presorted} terms (an index's sort key), only the runs of rows equal
 * on those are held and sorted, each emitted as the next run starts: the read can stop at a limit.
 */
public record SortRows(int input, List<OrderBy> orderBy, String model, int maxRows,
    int presorted) implements MirNode {

  /** The most rows a plan sorts in memory: the engine refuses the read's next row. */
  public static final int MAX_ROWS = 100_000;

  public SortRows {
    orderBy = List.copyOf(orderBy);
    Objects.requireNonNull(model, "model");
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be positive, was " + maxRows);
    }
    if (presorted < 0 || presorted > orderBy.size()) {
      throw new IllegalArgumentException("presorted must be in 0.." + orderBy.size());
    }
  }

  /** A sort of rows in no particular order. */
  public SortRows(int input, List<OrderBy> orderBy, String model, int maxRows) {
    this(input, orderBy, model, maxRows, 0);
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
