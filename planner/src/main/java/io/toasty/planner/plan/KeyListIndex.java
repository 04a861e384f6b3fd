package io.toasty.planner.plan;

import io.toasty.schema.db.TableSchema;
import java.util.List;

/**
 * Whether a key-value backend can answer {@code fk IN (keys)} (an include's children, a
 * cascade's pointing records) through a secondary index: one on the foreign key's columns, or,
 * for a composite foreign key, one on its first column, whose reads the backend filters by the
 * other columns of each key; an index ordered by a sort key (its second column, a required field,
 * so that it holds every record) serves the lookup of its first column the same way.
 */
final class KeyListIndex {
  private KeyListIndex() {}

  static boolean covers(TableSchema table, List<Integer> columns) {
    return table.indexes().stream().anyMatch(i -> i.columns().equals(columns)
        || columns.size() > 1 && i.columns().equals(List.of(columns.get(0)))
        || i.columns().size() == 2 && i.columns().get(0).equals(columns.get(0)));
  }
}
