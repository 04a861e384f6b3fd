package io.toasty.planner.hir;

import io.toasty.stmt.ExprNode;
import java.util.List;
import java.util.Objects;

/**
 * Where the rows of one insert of a nested create go in the records the create returns: each row,
 * lifted by {@code outputs}, is appended to relation slot {@code slot} of row {@code row} of
 * statement {@code parent}. Nothing is read for it: the inserts return their rows (RETURNING, or
 * the values written on a backend that returns none), and the engine nests them, so a nested
 * create hands back what it created, relations loaded, in the operations it already sends.
 *
 * @param parent  the statement whose row receives these rows
 * @param row     that row's index in the parent statement
 * @param slot    the parent model's relation index
 * @param flatten for the join records of a many-to-many relation: the parent receives, instead of
 *                the join records, the records in each one's relation slot {@code flatten} (its
 *                target); else -1
 * @param outputs this statement's record: expressions over its columns, where a column index past
 *                the table's last column names relation slot {@code index - columns}
 */
public record HirNest(int parent, int row, int slot, int flatten, List<ExprNode> outputs) {
  public HirNest {
    outputs = List.copyOf(outputs);
    Objects.checkIndex(slot, Integer.MAX_VALUE);
  }
}
