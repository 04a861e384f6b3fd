package io.toasty.sql.ddl;

import io.toasty.schema.Schema;
import io.toasty.schema.SoftDeleteMarker;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The live records of a soft-deleted model's table ({@code @SoftDelete}): the predicate of its
 * unique indexes where the dialect has partial indexes (PostgreSQL, SQLite), so that a value is
 * unique among live records only, and of an upsert's conflict target on such an index, which
 * must repeat it to name the index. Where the dialect has generated columns instead (MariaDB,
 * H2), the table has a column {@value #COLUMN} that is 1 while the row is live and NULL once it
 * is deleted, and each such unique index holds it after its own columns: NULLs never collide,
 * so a deleted row holds no value ({@code SoftDeleteScenarios.uniqueAmongLiveRecords}).
 *
 * @param column the marker's column
 * @param flag   whether the marker is a boolean flag (else a nullable timestamp)
 */
public record LiveRows(String column, boolean flag) {
  /** The generated column of live rows where the dialect has no partial indexes. */
  public static final String COLUMN = SoftDeleteMarker.LIVE;

  public LiveRows {
    Objects.requireNonNull(column, "column");
  }

  /**
   * The live rows of {@code table} when {@code columns} are those of one of its unique indexes
   * (not its primary key) and its model is soft-deleted; else null.
   */
  public static @Nullable LiveRows of(Schema schema, TableSchema table, List<Integer> columns) {
    SoftDeleteMarker marker = SoftDeleteMarker.of(schema, table);
    return marker == null || !marker.liveOnly(table, columns) ? null
        : new LiveRows(marker.name(), marker.flag());
  }

  /** The live rows of {@code index} of {@code table}, or null ({@link #of}). */
  public static @Nullable LiveRows of(Schema schema, TableSchema table, TableIndex index) {
    return of(schema, table, index.columns());
  }

  /**
   * The definition of the generated column {@value #COLUMN}:
   * {@code "toasty_live" SMALLINT GENERATED ALWAYS AS (CASE WHEN "deleted_at" IS NULL THEN 1
   * END)}, with the dialect's storage clause.
   */
  public String generatedColumn(UnaryOperator<String> quote, DdlSyntax syntax) {
    return quote.apply(COLUMN) + " SMALLINT GENERATED ALWAYS AS (CASE WHEN "
        + predicate(quote, syntax) + " THEN 1 END)"
        + Objects.requireNonNull(syntax.generatedStorage(), "generated columns");
  }

  /** {@code "deleted_at" IS NULL} ({@code "deleted" = FALSE}), quoted by {@code quote}. */
  public String predicate(UnaryOperator<String> quote, DdlSyntax syntax) {
    return quote.apply(column) + (flag ? " = " + syntax.falseLiteral() : " IS NULL");
  }
}
