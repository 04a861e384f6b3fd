package io.toasty.neo4j.cypher;

import io.toasty.schema.GraphIndexes;
import io.toasty.schema.Schema;
import io.toasty.schema.SoftDeleteMarker;
import io.toasty.schema.db.TableIndex;
import io.toasty.schema.db.TableSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The nodes (or relationships) of a soft-deleted model with a unique index of its live records
 * only ({@link SoftDeleteMarker#liveOnly}) hold {@link SoftDeleteMarker#LIVE}{@code = true}
 * while they are live and lack it once they are deleted: its uniqueness constraint is over the
 * index's properties and that one, and Neo4j leaves out a node that lacks one of them, so a
 * deleted record holds no value (docs/neo4j.md;
 * {@code SoftDeleteScenarios.uniqueAmongLiveRecords}).
 * Every write that creates a record or assigns its marker sets the property again from the
 * marker, as a generated column would; a purge deletes the node with it.
 */
public final class LiveNodes {
  private final Map<String, SoftDeleteMarker> markers = new HashMap<>();

  /** The tables of {@code schema} whose records hold the property. */
  public LiveNodes(Schema schema) {
    for (TableSchema table : schema.tables()) {
      SoftDeleteMarker marker = SoftDeleteMarker.of(schema, table);
      if (marker != null && table.indexes().stream()
          .anyMatch(ix -> marker.liveOnly(table, ix.columns()))) {
        markers.put(table.name(), marker);
      }
    }
  }

  /** Whether {@code index} of {@code table} holds its live records only. */
  public boolean liveOnly(TableSchema table, TableIndex index) {
    return liveOnly(table, index.columns());
  }

  /** Whether the unique index over {@code columns} of {@code table} holds live records only. */
  boolean liveOnly(TableSchema table, List<Integer> columns) {
    SoftDeleteMarker marker = markers.get(table.name());
    return marker != null && marker.liveOnly(table, columns);
  }

  /** Whether a write to {@code column} of {@code table} sets the property again. */
  boolean marks(String table, int column) {
    SoftDeleteMarker marker = markers.get(table);
    return marker != null && marker.column() == column;
  }

  /**
   * {@code prefix}, then {@code v.toasty_live =} and its value ({@link GraphIndexes#liveValue}),
   * nothing where the table's records do not hold it. A later item of a {@code SET} reads the
   * values the earlier ones wrote, so it follows the assignments.
   */
  void assign(StringBuilder out, String prefix, String table, String variable) {
    SoftDeleteMarker marker = markers.get(table);
    if (marker != null) {
      out.append(prefix).append(variable).append('.');
      Names.quote(out, SoftDeleteMarker.LIVE);
      out.append(" = ").append(GraphIndexes.liveValue(variable, marker.name(), marker.flag()));
    }
  }

  /**
   * The statement that makes the property agree with the marker on the records of {@code table}
   * that {@code match} binds to {@code n} ({@link GraphIndexes#liveRepair}); null where the
   * table's records do not hold it.
   */
  public @Nullable String repair(String table, String match) {
    SoftDeleteMarker marker = markers.get(table);
    return marker == null ? null : GraphIndexes.liveRepair(match, marker.name(), marker.flag());
  }
}
