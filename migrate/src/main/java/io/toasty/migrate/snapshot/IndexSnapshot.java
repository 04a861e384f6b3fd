package io.toasty.migrate.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.toasty.schema.GraphIndexes;
import io.toasty.schema.GraphIndexes.GraphIndex;
import io.toasty.sql.ddl.LiveRows;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An index or unique constraint over columns, by column name, in key order.
 *
 * @param live       the rows a unique index of a soft-deleted table holds (its live ones), as
 *                   push declares it; null for every row, and left out of the JSON then
 * @param liveColumn with {@code live}, the generated column that tells live rows where the
 *                   dialect has no partial indexes ({@link LiveRows#COLUMN}: MariaDB, H2), held
 *                   after the index's columns; null without {@code live}. Snapshots written
 *                   before there was such a column lack it, so that the first migration
 *                   generated from one creates the index again, with the column
 */
public record IndexSnapshot(String name, List<String> columns, boolean unique,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LiveRows live,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String liveColumn) {
  public IndexSnapshot {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }

  /** An index of every row. */
  public IndexSnapshot(String name, List<String> columns, boolean unique) {
    this(name, columns, unique, null, null);
  }

  /**
   * This index as {@link GraphIndexes} describes it, for Neo4j's migrations and its live
   * schema: a unique index of live rows only is over {@code toasty_live} there too.
   */
  public GraphIndex toGraph() {
    return new GraphIndex(name, columns, unique, live != null);
  }

  /** An index of the rows {@code live} admits (all: null), as this version declares it. */
  public static IndexSnapshot of(String name, List<String> columns, boolean unique,
      @Nullable LiveRows live) {
    return new IndexSnapshot(name, columns, unique, live, live == null ? null : LiveRows.COLUMN);
  }
}
