package io.toasty.planner.plan;

import io.toasty.schema.db.TableIndex;
import io.toasty.stmt.ExprNode;
import java.util.List;

/**
 * How a key-value backend reaches the rows a filter selects, from cheapest to dearest. The
 * {@code residual} is what is left of the filter once the key condition is applied.
 */
sealed interface KeyPath {

  /** Every primary key column is fixed: read these keys. */
  record PrimaryKeys(List<ExprNode.Record> keys, ExprNode residual) implements KeyPath {}

  /** Every column of a secondary index is fixed: look up the keys there, then read them. */
  record IndexLookup(TableIndex index, ExprNode keyCondition, ExprNode residual)
      implements KeyPath {}

  /**
   * The first column of a two-column secondary index (its partition key) is fixed, the second (its
   * sort key) at most bounded: query that index partition, in the index's order.
   */
  record IndexQuery(TableIndex index, ExprNode keyCondition, ExprNode residual)
      implements KeyPath {}

  /** The partition key (the first key column) is fixed: query that partition. */
  record PartitionQuery(ExprNode keyCondition, ExprNode residual) implements KeyPath {}

  /** No key applies: read the whole table. */
  record FullScan(ExprNode filter) implements KeyPath {}

  /** An OR whose every branch has its own key path: one lookup per branch, concatenated. */
  record AnyOf(List<KeyPath> branches, ExprNode filter) implements KeyPath {}
}
