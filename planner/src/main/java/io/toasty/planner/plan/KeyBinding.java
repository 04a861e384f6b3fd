package io.toasty.planner.plan;

import java.util.List;

/**
 * Restricts a SQL statement to the primary keys another node produced: at execution the filter
 * becomes {@code filter AND (key columns) IN (keys...)}, with the keys bound as extra arguments.
 *
 * @param input   the node (or variable) holding the keys, one record per key
 * @param table   the table
 * @param columns the primary key columns, in key order
 */
public record KeyBinding(int input, String table, List<Integer> columns) {
  public KeyBinding {
    columns = List.copyOf(columns);
  }
}
