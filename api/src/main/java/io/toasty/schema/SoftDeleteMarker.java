package io.toasty.schema;

import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.TableSchema;
import io.toasty.value.Type;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code @SoftDelete} marker of a table's model, as a column, and which of the table's unique
 * indexes hold its live records only: every one but the primary key and those over the marker
 * itself, so that a deleted record gives up its unique values (docs/models.md, Soft delete;
 * {@code SoftDeleteScenarios.uniqueAmongLiveRecords}). Each backend keeps such an index its own
 * way: a partial index, a generated column, a node property.
 *
 * @param column the marker's column index
 * @param name   the marker's column name
 * @param flag   whether the marker is a boolean flag (else a nullable timestamp)
 */
public record SoftDeleteMarker(int column, String name, boolean flag) {
  /**
   * What a backend whose unique indexes cannot be partial keeps beside each live-only index's
   * own columns: a generated column (MariaDB, H2) or a node property (Neo4j) that is set while
   * the record is live and null, or absent, once it is deleted; a record without it collides
   * with none.
   */
  public static final String LIVE = "toasty_live";

  public SoftDeleteMarker {
    Objects.requireNonNull(name, "name");
  }

  /** The marker of the model stored in {@code table}, or null when its deletes remove rows. */
  public static @Nullable SoftDeleteMarker of(Schema schema, TableSchema table) {
    for (ModelSchema model : schema.models()) {
      FieldSchema marker = model.softDeleteField();
      if (marker != null && schema.mapping(model.name()).table().equals(table.name())) {
        int column = schema.mapping(model.name()).columnOf(marker.index());
        return column < 0 ? null
            : new SoftDeleteMarker(column, marker.columnName(), marker.type() == Type.Scalar.BOOL);
      }
    }
    return null;
  }

  /**
   * Whether {@code columns} are those of a unique index of {@code table} (not its primary key)
   * that holds the live rows only: one without the marker.
   */
  public boolean liveOnly(TableSchema table, List<Integer> columns) {
    boolean uniqueIndex = table.indexes().stream()
        .anyMatch(ix -> ix.unique() && ix.columns().equals(columns));
    return uniqueIndex && !columns.equals(table.primaryKey()) && !columns.contains(column);
  }
}
