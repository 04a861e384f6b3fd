package io.toasty.planner.batch;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.action.Action;
import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.action.DeleteByKeyAction;
import io.toasty.planner.action.ExecStatementAction;
import io.toasty.planner.action.GetByKeyAction;
import io.toasty.planner.action.UpdateByKeyAction;
import io.toasty.planner.plan.AtomicWriteSize;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * How a batch of statements runs on a backend without interactive transactions, decided from
 * their plans before anything is sent: key reads as one atomic read, writes of one key operation
 * each as one atomic write, other reads one after the other (nothing to undo). Any other batch
 * that writes cannot be one atomic request: it runs as one optimistic transaction where the
 * backend has them ({@link Capability#optimisticTransactions()}), and is refused with
 * {@link Feature#ATOMIC_BATCH} elsewhere. Writes beyond {@link Capability#maxAtomicWriteItems()}
 * are refused with {@link Feature#TRANSACTION_SIZE} (by the COMMIT, for a transaction).
 */
public enum BatchShape {
  /** Every statement reads by key with one operation: one atomic read. */
  KEY_READS,
  /** Reads only, not all by key: one after the other. */
  READS,
  /** Every statement writes with one key operation: one atomic write. */
  WRITES,
  /**
   * Reads and writes, or writes of several operations, on a backend with optimistic
   * transactions: one such transaction, whose reads are recorded and whose writes are sent at
   * COMMIT in one atomic write conditioned on what was read.
   */
  TRANSACTION;

  /** The shape of a batch of {@code plans}, or a refusal. */
  public static BatchShape of(List<ActionPlan> plans, Schema schema, Capability capability) {
    List<Action> single = new ArrayList<>(plans.size());
    boolean writes = false;
    for (ActionPlan p : plans) {
      List<Action> ops = operations(p);
      single.add(ops.size() == 1 ? ops.get(0) : null);
      writes |= ops.stream().anyMatch(BatchShape::writes);
    }
    if (!writes) {
      return single.stream().allMatch(a -> a instanceof GetByKeyAction) ? KEY_READS : READS;
    }
    long items = 0;
    for (int i = 0; i < single.size(); i++) {
      Action a = single.get(i);
      if ((a == null || !writes(a)) && capability.optimisticTransactions()) {
        return TRANSACTION;
      }
      if (a == null || !writes(a)) {
        throw new UnsupportedFeatureException(Feature.ATOMIC_BATCH, capability.backend(),
            "statement " + (i + 1) + " of the batch " + (a == null
                ? "needs several operations" : "reads") + ", so it cannot join the batch's "
            + "writes in one atomic write; run it on its own");
      }
      items += items(a, schema);
    }
    int max = capability.maxAtomicWriteItems();
    if (max > 0 && items > max) {
      throw new UnsupportedFeatureException(Feature.TRANSACTION_SIZE, capability.backend(),
          "the batch's writes need at least " + items + " items in one atomic write, more than "
          + "the " + max + " the backend takes: split the batch");
    }
    return WRITES;
  }

  private static List<Action> operations(ActionPlan plan) {
    List<Action> ops = new ArrayList<>();
    for (Action a : plan.actions()) {
      if (a.isOperation()) {
        ops.add(a);
      }
    }
    return ops;
  }

  private static boolean writes(Action a) {
    return a instanceof UpdateByKeyAction || a instanceof DeleteByKeyAction
        || a instanceof ExecStatementAction e && !(e.statement() instanceof Query);
  }

  /** At least how many items the write takes: keys are counted once, claims where known. */
  private static long items(Action a, Schema schema) {
    if (a instanceof ExecStatementAction e && e.statement() instanceof InsertNode insert
        && insert.target() instanceof Source.Table t) {
      return AtomicWriteSize.items(insert, schema.table(t.table()));
    }
    if (a instanceof UpdateByKeyAction u) {
      // a unique value it changes: the old value's item is deleted, the new one's put
      List<Integer> targets = u.assignments().stream().map(as -> as.target()).toList();
      return 1 + 2 * uniques(schema.table(u.table())).stream()
          .filter(ix -> ix.columns().stream().anyMatch(targets::contains)).count();
    }
    return 1 + uniques(schema.table(((DeleteByKeyAction) a).table())).size();
  }

  private static List<TableIndex> uniques(TableSchema table) {
    return table.indexes().stream().filter(TableIndex::unique)
        .filter(ix -> !ix.columns().equals(table.primaryKey())).toList();
  }
}
