package io.toasty.planner.plan;

import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Where a table's primary key sits among the columns a merge joins on: the merge reads its
 * children by key when the columns are the key, in order, or begin with it (a many-to-many among
 * tenant-scoped models joins on the key and then the tenant: the children are read by key, and
 * the merge matches the tenant too; TenancyScenarios).
 */
final class KeyPositions {
  private KeyPositions() {}

  /** The positions in {@code columns} of {@code primaryKey}; null when they do not begin with it. */
  static @Nullable List<Integer> of(List<Integer> columns, List<Integer> primaryKey) {
    if (columns.size() < primaryKey.size()
        || !columns.subList(0, primaryKey.size()).equals(primaryKey)) {
      return null;
    }
    return IntStream.range(0, primaryKey.size()).boxed().toList();
  }
}
