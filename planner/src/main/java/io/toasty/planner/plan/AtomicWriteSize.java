package io.toasty.planner.plan;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;

/**
 * Refuses, before anything is sent, an insert that one atomic write of the backend cannot hold
 * ({@link Capability#maxAtomicWriteItems()}): each row is an item, and so is each unique value
 * it claims (a key-value backend guards a unique index with an item per value). A unique value
 * that is NULL in the statement, or not inserted, claims nothing.
 */
public final class AtomicWriteSize {
  private AtomicWriteSize() {}

  static void check(InsertNode insert, TableSchema table, Capability capability) {
    int max = capability.maxAtomicWriteItems();
    if (max == 0 || insert.rows().size() > max) {
      if (max != 0) {
        refuse(insert, table, capability, insert.rows().size());
      }
      return;
    }
    long items = items(insert, table);
    if (items > max) {
      refuse(insert, table, capability, items);
    }
  }

  /** The items {@code insert} writes: a record each, and one per unique value it claims. */
  public static long items(InsertNode insert, TableSchema table) {
    long items = 0;
    for (ExprNode.Record row : insert.rows()) {
      items += 1 + claims(insert, row, table);
    }
    return items;
  }

  private static int claims(InsertNode insert, ExprNode.Record row, TableSchema table) {
    int claims = 0;
    for (TableIndex index : table.indexes()) {
      if (index.unique() && !index.columns().equals(table.primaryKey())
          && allSet(insert, row, index)) {
        claims++;
      }
    }
    return claims;
  }

  private static boolean allSet(InsertNode insert, ExprNode.Record row, TableIndex index) {
    for (int c : index.columns()) {
      int at = insert.columns().indexOf(c);
      if (at < 0 || row.fields().get(at) instanceof ExprNode.Const k && k.value().isNull()) {
        return false;
      }
    }
    return true;
  }

  private static void refuse(InsertNode insert, TableSchema table, Capability capability,
      long items) {
    throw new UnsupportedFeatureException(Feature.TRANSACTION_SIZE, capability.backend(),
        insert.rows().size() + " records of " + table.name() + " need at least " + items
        + " items in one atomic write (a record, and one per unique value it claims), more than "
        + "the " + capability.maxAtomicWriteItems() + " the backend takes: insert in smaller "
        + "batches");
  }
}
