package io.toasty.migrate.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as a snapshot records it: its columns in model order, its key by column name, its
 * indexes sorted by name, its foreign keys sorted by name (left out of the JSON when there are
 * none, so that snapshots written before foreign keys read the same), whether a graph stores
 * its records as relationships ({@link io.toasty.schema.JoinModels}; left out when not), and
 * then the relationship type its {@code @Relationship} declares (left out when it is the
 * table's name), and whether its model's committed changes are followed as a stream
 * ({@code @Model(changes = true)}; left out when not, so that older snapshots read the same).
 */
public record TableSnapshot(String name, String model, List<ColumnSnapshot> columns,
    List<String> primaryKey, List<IndexSnapshot> indexes,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ForeignKeySnapshot> foreignKeys,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean relationship,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String relationshipType,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean changes) {
  public TableSnapshot {
    Objects.requireNonNull(name, "name");
    relationshipType = relationshipType == null ? "" : relationshipType;
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = List.copyOf(indexes);
    foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
  }

  /** A table whose relationships, if it is stored as such, are typed after its name. */
  public TableSnapshot(String name, String model, List<ColumnSnapshot> columns,
      List<String> primaryKey, List<IndexSnapshot> indexes,
      List<ForeignKeySnapshot> foreignKeys, boolean relationship) {
    this(name, model, columns, primaryKey, indexes, foreignKeys, relationship, "", false);
  }

  /** This table, its model's changes followed as a stream or not. */
  public TableSnapshot withChanges(boolean changes) {
    return new TableSnapshot(name, model, columns, primaryKey, indexes, foreignKeys,
        relationship, relationshipType, changes);
  }

  /** The name a graph gives this table: its relationship type if declared, else its name. */
  public String graphName() {
    return relationshipType.isEmpty() ? name : relationshipType;
  }

  /** This table, its relationships typed {@code type} (empty: after its name). */
  public TableSnapshot withRelationshipType(String type) {
    return new TableSnapshot(name, model, columns, primaryKey, indexes, foreignKeys,
        relationship, type, changes);
  }

  /** A table without foreign keys. */
  public TableSnapshot(String name, String model, List<ColumnSnapshot> columns,
      List<String> primaryKey, List<IndexSnapshot> indexes) {
    this(name, model, columns, primaryKey, indexes, List.of(), false);
  }

  /** A table stored as nodes (or rows). */
  public TableSnapshot(String name, String model, List<ColumnSnapshot> columns,
      List<String> primaryKey, List<IndexSnapshot> indexes,
      List<ForeignKeySnapshot> foreignKeys) {
    this(name, model, columns, primaryKey, indexes, foreignKeys, false);
  }

  /** This table, stored as relationships or not. */
  public TableSnapshot asRelationship(boolean relationship) {
    return new TableSnapshot(name, model, columns, primaryKey, indexes, foreignKeys,
        relationship, relationshipType, changes);
  }

  /** This table with {@code foreignKeys} instead of its own, sorted by name. */
  public TableSnapshot withForeignKeys(List<ForeignKeySnapshot> foreignKeys) {
    List<ForeignKeySnapshot> sorted = new ArrayList<>(foreignKeys);
    sorted.sort(Comparator.comparing(ForeignKeySnapshot::name));
    return new TableSnapshot(name, model, columns, primaryKey, indexes, sorted, relationship,
        relationshipType, changes);
  }

  /** This table with {@code indexes} instead of its own. */
  public TableSnapshot withIndexes(List<IndexSnapshot> indexes) {
    return new TableSnapshot(name, model, columns, primaryKey, indexes, foreignKeys,
        relationship, relationshipType, changes);
  }

  /** This table with {@code columns} and {@code primaryKey} instead of its own. */
  public TableSnapshot withColumns(List<ColumnSnapshot> columns, List<String> primaryKey) {
    return new TableSnapshot(name, model, columns, primaryKey, indexes, foreignKeys,
        relationship, relationshipType, changes);
  }

  /** The foreign key called {@code name}, if there is one. */
  public Optional<ForeignKeySnapshot> foreignKey(String name) {
    return foreignKeys.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The column called {@code column}, if there is one. */
  public Optional<ColumnSnapshot> column(String column) {
    return columns.stream().filter(c -> c.name().equals(column)).findFirst();
  }

  /** The index called {@code index}, if there is one. */
  public Optional<IndexSnapshot> index(String index) {
    return indexes.stream().filter(i -> i.name().equals(index)).findFirst();
  }
}
