package io.toasty.stmt;

import java.util.List;
import java.util.Objects;

/**
 * What an insert does with a row whose conflict target already holds its values (an upsert).
 *
 * <p>At model level the indexes are field indexes and the assignments' values read fields (the
 * stored record's current values); after lowering they are column indexes and columns. When
 * {@code copied} and {@code assignments} are both empty the stored row is kept as it is
 * (insert-or-ignore); the statement still returns it.
 *
 * @param target      the primary key or the columns of one unique index; empty at model level
 *                    means the primary key
 * @param copied      the fields (columns) the update path takes from the proposed row
 * @param assignments further {@code SET} expressions of the update path, over the stored row
 */
public record OnConflict(List<Integer> target, List<Integer> copied,
    List<Assignment> assignments) {
  public OnConflict {
    target = List.copyOf(target);
    copied = List.copyOf(copied);
    assignments = List.copyOf(assignments);
    for (Assignment a : assignments) {
      Objects.requireNonNull(a, "assignment");
    }
  }

  /** Whether the update path changes nothing: the stored row is kept (insert-or-ignore). */
  public boolean keepsStored() {
    return copied.isEmpty() && assignments.isEmpty();
  }
}
