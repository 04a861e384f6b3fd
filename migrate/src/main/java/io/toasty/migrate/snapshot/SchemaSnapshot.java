package io.toasty.migrate.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * The database layer of the models' schema at one version, as the migration files record it:
 * tables sorted by name, so that the JSON a team reviews changes only where the models did.
 *
 * @param format the snapshot format's version, for readers of old files
 * @param tables every table, sorted by name
 */
public record SchemaSnapshot(int format, List<TableSnapshot> tables) {
  /** The format this version writes. */
  public static final int FORMAT = 1;

  /** The snapshot before the first migration: no table. */
  public static final SchemaSnapshot EMPTY = new SchemaSnapshot(FORMAT, List.of());

  public SchemaSnapshot {
    tables = List.copyOf(tables);
  }

  /** The table called {@code table}, if there is one. */
  public Optional<TableSnapshot> table(String table) {
    return tables.stream().filter(t -> t.name().equals(table)).findFirst();
  }
}
