package io.toasty.sql.error;

import io.toasty.value.Value;
import java.util.List;

/**
 * A column of a row did not convert to its type (a value the column holds but the field's type
 * cannot, such as 200 in a {@code byte} field's SMALLINT), with the row's other columns decoded
 * so that the connection can name the record's key.
 */
public final class UnreadableColumnException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int column;
  private final transient List<Value> row;

  /**
   * Column {@code column}, named {@code name}, of {@code row} (the other columns decoded) did not
   * convert: {@code cause} says why.
   */
  public UnreadableColumnException(int column, String name, List<Value> row,
      RuntimeException cause) {
    super("column " + name + ": " + cause.getMessage(), cause);
    this.column = column;
    this.row = row;
  }

  /** The position of the column in the row. */
  public int column() {
    return column;
  }

  /** The row's values; the unreadable column and any other that failed are NULL. */
  public List<Value> row() {
    return row;
  }
}
