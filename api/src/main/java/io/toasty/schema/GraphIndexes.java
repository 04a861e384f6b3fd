package io.toasty.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The uniqueness constraints and range indexes a graph backend keeps for one table: Neo4j's
 * schema push and its migrations both take them from here, and write them in their own syntax.
 * A table's key is a uniqueness constraint named {@code <table>_pkey}, a unique index a
 * uniqueness constraint, another index a range index; all on the table's node label, or on its
 * relationship type for a join model stored as a relationship ({@link JoinModels}). A
 * relationship's foreign key columns are its ends, no properties, so an index over one of them
 * is left out, unless the key stays a property too: one of its columns is in the table's key or
 * a unique index, or two keys share a column.
 */
public final class GraphIndexes {
  private GraphIndexes() {}

  /**
   * An index of a table, by column names.
   *
   * @param name    its name, unprefixed
   * @param columns its columns
   * @param unique  a unique index
   */
  public record GraphIndex(String name, List<String> columns, boolean unique) {
    public GraphIndex {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
    }
  }

  /**
   * A table as a graph stores it.
   *
   * @param name        its name
   * @param edge        whether its records are relationships (else nodes)
   * @param primaryKey  its key's columns
   * @param indexes     its indexes
   * @param foreignKeys the columns of each foreign key that is a relationship
   */
  public record GraphTable(String name, boolean edge, List<String> primaryKey,
      List<GraphIndex> indexes, List<List<String>> foreignKeys) {
    public GraphTable {
      Objects.requireNonNull(name, "name");
      primaryKey = List.copyOf(primaryKey);
      indexes = List.copyOf(indexes);
      foreignKeys = foreignKeys.stream().map(List::copyOf).toList();
    }
  }

  /**
   * One constraint or range index.
   *
   * @param name       its name, unprefixed: {@code <table>_pkey} or the index's
   * @param properties the properties it is over, in order
   * @param unique     a uniqueness constraint (else a range index)
   */
  public record GraphEntry(String name, List<String> properties, boolean unique) {
    public GraphEntry {
      Objects.requireNonNull(name, "name");
      properties = List.copyOf(properties);
    }
  }

  /** The table's key constraint first (when it has a key), then its indexes on properties. */
  public static List<GraphEntry> of(GraphTable table) {
    List<GraphEntry> out = new ArrayList<>();
    if (!table.primaryKey().isEmpty()) {
      out.add(new GraphEntry(primaryKeyName(table.name()), table.primaryKey(), true));
    }
    for (GraphIndex index : table.indexes()) {
      if (onProperties(table, index)) {
        out.add(new GraphEntry(index.name(), index.columns(), index.unique()));
      }
    }
    return out;
  }

  /** The name of a table's key constraint. */
  public static String primaryKeyName(String table) {
    return table + "_pkey";
  }

  /**
   * Whether {@code index} is over properties: always on a node; on a relationship only when none
   * of its columns is a foreign key kept as an end of it alone.
   */
  public static boolean onProperties(GraphTable table, GraphIndex index) {
    if (!table.edge()) {
      return true;
    }
    Set<String> kept = new HashSet<>(table.primaryKey());
    table.indexes().stream().filter(GraphIndex::unique).forEach(u -> kept.addAll(u.columns()));
    Set<String> seen = new HashSet<>();
    for (List<String> key : table.foreignKeys()) {
      for (String column : key) {
        if (!seen.add(column)) {
          kept.add(column);
        }
      }
    }
    Set<String> ends = new HashSet<>();
    for (List<String> key : table.foreignKeys()) {
      if (key.stream().noneMatch(kept::contains)) {
        ends.addAll(key);
      }
    }
    return index.columns().stream().noneMatch(ends::contains);
  }
}
