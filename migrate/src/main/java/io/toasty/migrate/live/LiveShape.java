package io.toasty.migrate.live;

import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import java.util.List;

/**
 * What one backend's catalog shows of a snapshot's table, so that a drift check compares like
 * with like: the type name the catalog would show for a column (each database names types its
 * own way: {@code bigint(20)}, {@code int8}, {@code BIGINT}), which columns are visible at all
 * (DynamoDB shows only its key attributes), and how an index looks there.
 */
public interface LiveShape {

  /** The backend's name ({@code postgresql}, {@code dynamodb}, ...). */
  String backend();

  /** The canonical type name the catalog shows for {@code column} of {@code table}. */
  String expectedType(TableSnapshot table, ColumnSnapshot column);

  /** A type name as the catalog writes it, in the same canonical form. */
  String canonical(String liveType);

  /** The columns of {@code table} the catalog shows, in model order. */
  List<String> visibleColumns(TableSnapshot table);

  /** Whether the catalog shows column defaults (SQL catalogs do; DynamoDB has none). */
  boolean defaultsVisible();

  /** {@code index} as the catalog would show it. */
  LiveIndex expectedIndex(IndexSnapshot index);

  /**
   * Whether {@code column} of {@code table} is one the DDL adds beside the model's columns (the
   * generated column of live rows, {@code LiveRows.COLUMN}), so never an extra column.
   */
  default boolean generated(TableSnapshot table, String column) {
    return false;
  }

  /**
   * Whether {@code table} is Toasty's own (the migration history and lock, DynamoDB's unique
   * companions) and never counts as an extra table.
   */
  boolean internal(String table);
}
