package io.toasty.reactive.internal.write;

import io.toasty.ModelDef;
import io.toasty.driver.Capability;
import io.toasty.schema.Schema;
import io.toasty.schema.db.TableSchema;
import org.jspecify.annotations.Nullable;

/** How many records of a bulk stream one statement (or one atomic write) takes. */
public final class BulkChunks {
  private BulkChunks() {}

  /**
   * Where atomic writes have an item limit, as many records as fit one (each with a unique value
   * freed and claimed), at most 25; else as many rows as one statement's bind markers hold, at
   * most 1000.
   */
  public static int rows(Capability c, Schema schema, @Nullable ModelDef<?> model) {
    TableSchema table = model == null ? null : schema.tableOf(model.name());
    if (c.maxAtomicWriteItems() > 0) {
      long uniques = table == null ? 1 : table.indexes().stream()
          .filter(ix -> ix.unique() && !ix.columns().equals(table.primaryKey())).count();
      return (int) Math.max(1, Math.min(25, c.maxAtomicWriteItems() / (1 + 2 * uniques)));
    }
    int columns = table == null ? 1 : Math.max(1, table.columns().size());
    int byMarkers = c.maxBindMarkers() == 0 ? 1000 : c.maxBindMarkers() / columns;
    return Math.max(1, Math.min(1000, byMarkers));
  }
}
