package io.toasty.planner.plan.node;

import io.toasty.planner.lower.RowLift;
import io.toasty.planner.plan.node.ExecStatement;
import io.toasty.planner.plan.node.KeyBinding;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One relation a {@link NestedMerge} loads: the child operation run once per window of parent
 * rows, restricted to the window's keys, and how its rows join and attach to the parents.
 *
 * @param relation        the relation's name, for explain
 * @param fetch           how the children are read
 * @param parentPositions where the join key sits in a parent row
 * @param childPositions  where it sits in a child row (as fetched)
 * @param many            a list of children per parent, or at most one
 * @param flatten         attach, instead of the child rows, the records in each child row's
 *                        first merged slot (the join model of a many-to-many relation)
 * @param sortPositions   where the values that order each parent's children sit in a child row
 *                        (ascending); empty keeps the order the fetch returned them in
 * @param flatOrder       for a flattened branch, the order of each parent's records after
 *                        flattening (terms over a flattened record's positions, a stable sort
 *                        after {@code sortPositions}); empty keeps the child rows' order
 * @param lift            a child row (columns, then its own merged slots) to the record value a
 *                        parent receives
 * @param nested          the relations loaded on the children in turn
 * @param model           the model whose records a child row lifts to, field for field by plain
 *                        columns ({@code lift}'s positions), where a SQL backend reads the
 *                        children (the executor may then have the model's row reader build
 *                        them from the driver's rows); null otherwise
 */
public record MergeBranch(String relation, Fetch fetch, List<Integer> parentPositions,
    List<Integer> childPositions, boolean many, boolean flatten, List<Integer> sortPositions,
    List<OrderBy> flatOrder, RowLift lift, List<MergeBranch> nested, @Nullable String model) {

  /** A branch whose children are read as values only. */
  public MergeBranch(String relation, Fetch fetch, List<Integer> parentPositions,
      List<Integer> childPositions, boolean many, boolean flatten, List<Integer> sortPositions,
      List<OrderBy> flatOrder, RowLift lift, List<MergeBranch> nested) {
    this(relation, fetch, parentPositions, childPositions, many, flatten, sortPositions,
        flatOrder, lift, nested, null);
  }

  /** The canonical constructor. */
  public MergeBranch {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(fetch, "fetch");
    parentPositions = List.copyOf(parentPositions);
    childPositions = List.copyOf(childPositions);
    sortPositions = List.copyOf(sortPositions);
    flatOrder = List.copyOf(flatOrder);
    Objects.requireNonNull(lift, "lift");
    nested = List.copyOf(nested);
  }

  /** How a branch reads the children of one window's keys. */
  public sealed interface Fetch {
    /** The child's columns, in the order a child row holds them. */
    List<Integer> fetched();
  }

  /**
   * SQL: {@code statement} with {@code keys.columns IN (window keys)} added to its filter
   * ({@code Operation.QuerySql}): one query per window.
   */
  public record SqlFetch(StatementNode statement, List<Type> rowType, KeyBinding keys)
      implements Fetch {
    public SqlFetch {
      Objects.requireNonNull(statement, "statement");
      rowType = List.copyOf(rowType);
      Objects.requireNonNull(keys, "keys");
    }

    @Override
    public List<Integer> fetched() {
      return ExecStatement.fetched(statement);
    }
  }

  /**
   * Key-value, a limit per parent whose order is an index's sort key (the index's partition the
   * foreign key): for each of the window's keys one index read ({@code Operation.FindPkByIndex} of
   * {@code keyColumn = key}, forward or backward, its page size {@code offset + count}) taken to
   * {@code offset + count} keys, of which the first {@code offset} are dropped; then those keys'
   * rows by key ({@code Operation.GetByKey} of {@code columns}), in the index reads' order. A
   * parent's children beyond its limit are never read.
   *
   * @param keyPositions where the primary key's columns sit in a row of {@code columns}
   */
  public record IndexFetch(
      String table,
      String index,
      int keyColumn,
      List<Integer> columns,
      List<Integer> keyPositions,
      boolean forward,
      ExprNode count,
      @Nullable ExprNode offset)
      implements Fetch {
    public IndexFetch {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(index, "index");
      columns = List.copyOf(columns);
      keyPositions = List.copyOf(keyPositions);
      Objects.requireNonNull(count, "count");
    }

    @Override
    public List<Integer> fetched() {
      return columns;
    }
  }

  /**
   * Key-value: the window's keys hold the children's primary keys ({@code Operation.GetByKey}),
   * and {@code residual} (over the child's columns) is checked in memory.
   *
   * @param keyPositions the positions in a window key of the primary key's columns, in key
   *                     order: every position when the merge joins on the key alone; fewer when
   *                     it joins on more (a many-to-many among tenant-scoped models joins on
   *                     the key and the tenant, which the merge then matches)
   */
  public record KeyFetch(String table, List<Integer> columns, ExprNode residual,
      List<Integer> keyPositions) implements Fetch {
    public KeyFetch {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      Objects.requireNonNull(residual, "residual");
      keyPositions = List.copyOf(keyPositions);
    }

    @Override
    public List<Integer> fetched() {
      return columns;
    }
  }
}
