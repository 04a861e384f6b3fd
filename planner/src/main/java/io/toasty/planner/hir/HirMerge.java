package io.toasty.planner.hir;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a statement's rows are merged into another statement's rows: a preloaded relation. Read with
 * its parent it forms the cycle the seed describes (the parent's keys restrict the child, the
 * child's rows complete the parent), which planning breaks with a {@code NestedMerge}.
 *
 * @param parent the statement whose rows receive this one's
 * @param slot which of the parent's merged slots this fills (its include's position)
 * @param relation the relation's name, for explain
 * @param parentColumns the parent's columns holding the join key (table column indexes)
 * @param childColumns this statement's columns matching them; the statement is restricted to {@code
 *     childColumns IN (parent keys)} at execution
 * @param many whether a parent gets a list of rows (has-many) or at most one
 * @param flatten for the join model of a many-to-many relation: the parent gets, instead of the
 *     join rows, the records of the join rows' own single merged slot
 * @param sortColumns the columns that order each parent's rows, ascending, sorted in the merge
 *     rather than by the database (empty: the statement's own order stands)
 * @param flatOrder for a flattened merge, the order of each parent's records after flattening,
 *     applied in the merge after {@code sortColumns} (a stable sort: ties keep the join rows'
 *     order): terms over a flattened record's positions ({@code ExprNode.Column(t, i)} is its field
 *     {@code i}); empty keeps the join rows' order
 * @param outputs this statement's record as the parent receives it: expressions over its columns,
 *     where a column index past the table's last column names one of its own merged slots
 * @param model the model whose records {@code outputs} are, field for field, where they are (a
 *     plain include of a model's fields); null otherwise
 */
public record HirMerge(
    int parent,
    int slot,
    String relation,
    List<Integer> parentColumns,
    List<Integer> childColumns,
    boolean many,
    boolean flatten,
    List<Integer> sortColumns,
    List<OrderBy> flatOrder,
    List<ExprNode> outputs,
    @Nullable String model) {

  /** A merge whose outputs are no model's records as they are. */
  public HirMerge(int parent, int slot, String relation, List<Integer> parentColumns,
      List<Integer> childColumns, boolean many, boolean flatten, List<Integer> sortColumns,
      List<OrderBy> flatOrder, List<ExprNode> outputs) {
    this(parent, slot, relation, parentColumns, childColumns, many, flatten, sortColumns,
        flatOrder, outputs, null);
  }

  /** The canonical constructor. */
  public HirMerge {
    Objects.requireNonNull(relation, "relation");
    parentColumns = List.copyOf(parentColumns);
    childColumns = List.copyOf(childColumns);
    sortColumns = List.copyOf(sortColumns);
    flatOrder = List.copyOf(flatOrder);
    outputs = List.copyOf(outputs);
  }
}
