package io.toasty.schema.app;

import java.util.Set;

/**
 * Which of a model's storage names its source declared ({@code @Table}, {@code @Column}) rather
 * than derived from the record's names. A {@link io.toasty.schema.naming.NamingStrategy} renames
 * only the derived ones: a declared name is the user's and is kept as written.
 *
 * @param table   whether the table name was declared
 * @param columns the indexes of the data fields whose column name was declared
 */
public record DeclaredNames(boolean table, Set<Integer> columns) {
  /** Nothing declared: every name was derived. */
  public static final DeclaredNames NONE = new DeclaredNames(false, Set.of());

  public DeclaredNames {
    columns = Set.copyOf(columns);
  }

  /** Whether the column of the data field at {@code field} was declared. */
  public boolean column(int field) {
    return columns.contains(field);
  }
}
