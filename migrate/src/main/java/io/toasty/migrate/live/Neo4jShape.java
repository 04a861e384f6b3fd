package io.toasty.migrate.live;

import io.toasty.migrate.snapshot.ColumnSnapshot;
import io.toasty.migrate.snapshot.IndexSnapshot;
import io.toasty.migrate.snapshot.TableSnapshot;
import io.toasty.schema.GraphIndexes;
import java.util.List;
import java.util.Set;

/**
 * Neo4j's view of a table ({@code SHOW INDEXES}): a label with its key constraint and indexes.
 * Properties have no declared type and nodes no declared columns, so only the key's properties
 * show, as {@link #UNTYPED} and never null; a uniqueness constraint is a unique index (one of a
 * soft-deleted model's live records over {@code toasty_live} too).
 */
public record Neo4jShape() implements LiveShape {
  /** The type every visible property has: Neo4j declares none. */
  public static final String UNTYPED = "ANY";
  /** The labels of the migration history and lock, without the label prefix. */
  public static final Set<String> INTERNAL = Set.of("ToastyMigration", "ToastyMigrationLock");

  @Override
  public String backend() {
    return "neo4j";
  }

  @Override
  public String expectedType(TableSnapshot table, ColumnSnapshot column) {
    return UNTYPED;
  }

  @Override
  public String canonical(String liveType) {
    return liveType;
  }

  @Override
  public List<String> visibleColumns(TableSnapshot table) {
    return table.primaryKey();
  }

  @Override
  public boolean defaultsVisible() {
    return false;
  }

  /** The index as push creates it: a live-only constraint is over {@code toasty_live} too. */
  @Override
  public LiveIndex expectedIndex(IndexSnapshot index) {
    return new LiveIndex(index.name(), GraphIndexes.entry(index.toGraph()).properties(),
        index.unique());
  }

  @Override
  public boolean internal(String table) {
    return INTERNAL.contains(table);
  }
}
