package io.toasty.sql.render;

import io.toasty.schema.db.TableSchema;
import io.toasty.sql.dialect.SqlDialect;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the rows of an insert that returns only some of its columns are made whole: the database
 * returns the columns it fills (an identity key, a column it may round or pad) and the insert
 * takes the others from the values it bound, row {@code r} of the result paired with VALUES row
 * {@code r}. Rendered only where the dialect returns rows in VALUES order
 * ({@code SqlDialect.insertReturnsRowsInOrder}) and stores the column's type as bound
 * ({@code SqlDialect.storesAsBound}); it spares the database sending, and the driver decoding,
 * what the caller already has (on a 1,000-row chunk of the benchmark's users, two strings and
 * three integers a row).
 *
 * @param returnedAt    per column of the statement's result, its position among the columns the
 *                      database returns, or -1 where it is taken from the values bound
 * @param markers       per VALUES row, per column of the result, the bind marker whose value
 *                      the column takes (-1 where the database returns it)
 * @param returnedTypes the types of the columns the database returns, in its order
 */
public record InsertEcho(int[] returnedAt, int[][] markers, List<Type> returnedTypes) {

  public InsertEcho {
    Objects.requireNonNull(returnedAt, "returnedAt");
    Objects.requireNonNull(markers, "markers");
    returnedTypes = List.copyOf(returnedTypes);
  }

  /**
   * Whether {@code insert}'s returned rows may be paired with its VALUES rows: a plain insert
   * (an upsert returns a row per path taken) under {@code INSERT ... RETURNING} in VALUES order.
   */
  static boolean applies(InsertNode insert, SqlDialect dialect) {
    return insert.onConflict() == null && insert.returning() instanceof Returning.Project
        && dialect.insertReturning() == SqlDialect.InsertReturning.RETURNING_CLAUSE
        && dialect.insertReturnsRowsInOrder();
  }

  /**
   * The echo of an insert into {@code columns} whose result is the columns {@code result}, or
   * null when the database must return them all. A result column is taken from the values sent
   * where it is inserted, every row binds it as one marker ({@code sent[r][i]}, -1 where not)
   * and the dialect stores its type as bound. At least one column is still returned, so that
   * the database sends a row per row inserted.
   */
  static @Nullable InsertEcho plan(TableSchema table, List<Integer> columns, List<Integer> result,
      int[][] sent, SqlDialect dialect) {
    int[] returnedAt = new int[result.size()];
    int[][] markers = new int[sent.length][result.size()];
    List<Type> returnedTypes = new ArrayList<>();
    for (int c = 0; c < result.size(); c++) {
      int column = result.get(c);
      int i = columns.indexOf(column);
      boolean echoed = i >= 0
          && dialect.storesAsBound(table.column(column).type(), table.keyed(column));
      for (int r = 0; echoed && r < sent.length; r++) {
        echoed = sent[r][i] >= 0;
      }
      boolean last = c == result.size() - 1 && returnedTypes.isEmpty();
      if (echoed && !last) {
        returnedAt[c] = -1;
        for (int r = 0; r < sent.length; r++) {
          markers[r][c] = sent[r][i];
        }
      } else {
        returnedAt[c] = returnedTypes.size();
        returnedTypes.add(table.column(column).type());
        for (int[] row : markers) {
          row[c] = -1;
        }
      }
    }
    return returnedTypes.size() == result.size() ? null
        : new InsertEcho(returnedAt, markers, returnedTypes);
  }

  /** The columns of {@code result} that the database returns. */
  List<Integer> returnedColumns(List<Integer> result) {
    List<Integer> out = new ArrayList<>(returnedTypes.size());
    for (int c = 0; c < result.size(); c++) {
      if (returnedAt[c] >= 0) {
        out.add(result.get(c));
      }
    }
    return out;
  }

  /**
   * Row {@code r} of the result: {@code returned}'s cells where the database returned the
   * column, else the value marker {@code markers[r][c]} bound, read as the column's type.
   *
   * @param read turns a bound value into the value the database would have returned for it (a
   *             {@code Value.I64} bound into an {@code INT} column is read as a {@code Value.I32})
   */
  public Value.Record row(int r, Value.Record returned, RenderedSql sql, List<Value> args,
      ValueReader read) {
    if (r >= markers.length) {
      throw new IllegalStateException("the insert returned more rows than the "
          + markers.length + " it sent");
    }
    Value[] cells = new Value[returnedAt.length];
    int[] rowMarkers = markers[r];
    for (int c = 0; c < cells.length; c++) {
      cells[c] = returnedAt[c] >= 0 ? returned.get(returnedAt[c])
          : read.read(sql.valueAt(rowMarkers[c], args), sql.markerTypes()[rowMarkers[c]]);
    }
    return Value.Record.adopt(cells);
  }

  /** A bound value as the database returns a column of a type. */
  @FunctionalInterface
  public interface ValueReader {
    Value read(Value bound, Type column);
  }
}
