package io.toasty.planner.plan.node;

import java.util.List;

/**
 * Restricts a SQL statement to keys another node produced: at execution the filter becomes
 * {@code filter AND (columns) IN (keys...)}, with the keys bound as extra arguments.
 *
 * @param input     the node (or variable) holding the keys; -1 where the keys come from
 *                  elsewhere (a {@code NestedMerge}'s window)
 * @param table     the table
 * @param columns   the restricted columns (the primary key, or a foreign key), in key order
 * @param positions where each key value sits in the input's rows; empty when a row is the key
 */
public record KeyBinding(int input, String table, List<Integer> columns, List<Integer> positions) {
  public KeyBinding {
    columns = List.copyOf(columns);
    positions = List.copyOf(positions);
  }

  /** A binding to whole input rows. */
  public KeyBinding(int input, String table, List<Integer> columns) {
    this(input, table, columns, List.of());
  }
}
