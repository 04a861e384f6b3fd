package io.toasty.planner.hir;

/**
 * Numbers the columns of a query's joined table ({@code io.toasty.stmt.Source.Join}) among its
 * own table's: where plan code lists a statement's columns by index (fetched columns, merge
 * columns), a joined column {@code c} is {@code -1 - c}, which no column of the query's own table
 * nor any merged slot (past its last column) can be.
 */
public final class JoinedColumn {
  private JoinedColumn() {}

  /** The number of the joined table's column {@code column}. */
  public static int of(int column) {
    return -1 - column;
  }

  /** Whether {@code number} names a column of the joined table. */
  public static boolean isJoined(int number) {
    return number < 0;
  }

  /** The joined table's column index that {@code number} names. */
  public static int column(int number) {
    return -1 - number;
  }
}
