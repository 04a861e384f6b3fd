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
 * a unique index, or two keys share a column. A unique index of a soft-deleted model that holds
 * its live records only ({@link SoftDeleteMarker#liveOnly}) is a uniqueness constraint over its
 * columns and {@link SoftDeleteMarker#LIVE}, a property its records hold while they are live:
 * Neo4j's constraint leaves out a node that lacks one of its properties, so a deleted record
 * holds no value.
 */
public final class GraphIndexes {
  private GraphIndexes() {}

  /**
   * An index of a table, by column names.
   *
   * @param name    its name, unprefixed
   * @param columns its columns
   * @param unique  a unique index
   * @param live    a unique index of the live records only ({@link SoftDeleteMarker#liveOnly})
   */
  public record GraphIndex(String name, List<String> columns, boolean unique, boolean live) {
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

    /** Whether it holds the live records only: it is over {@link SoftDeleteMarker#LIVE} too. */
    public boolean live() {
      return unique && properties.contains(SoftDeleteMarker.LIVE);
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
        out.add(entry(index));
      }
    }
    return out;
  }

  /** The constraint or range index of {@code index}, live-only ones over {@code LIVE} too. */
  public static GraphEntry entry(GraphIndex index) {
    List<String> properties = new ArrayList<>(index.columns());
    if (index.unique() && index.live()) {
      properties.add(SoftDeleteMarker.LIVE);
    }
    return new GraphEntry(index.name(), properties, index.unique());
  }

  /**
   * The Cypher value of {@link SoftDeleteMarker#LIVE} on the record bound to {@code variable},
   * given its marker's property and whether it is a flag:
   * {@code CASE WHEN v.`deleted_at` IS NULL THEN true END} ({@code v.`deleted` = false} for a
   * flag), true while it is live and null, which removes the property, once it is deleted. Push,
   * migrations and every write that sets the marker take it from here.
   */
  public static String liveValue(String variable, String marker, boolean flag) {
    return "CASE WHEN " + variable + "." + quote(marker) + (flag ? " = false" : " IS NULL")
        + " THEN true END";
  }

  /**
   * The statement that makes {@link SoftDeleteMarker#LIVE} agree with the marker on every record
   * {@code match} binds to {@code n} ({@code MATCH (n:`Label`)}): those written before their
   * index held live records only, or by raw Cypher.
   */
  public static String liveRepair(String match, String marker, boolean flag) {
    String value = liveValue("n", marker, flag);
    return match + " WHERE ((" + value + ") IS NULL) <> (n." + quote(SoftDeleteMarker.LIVE)
        + " IS NULL) SET n." + quote(SoftDeleteMarker.LIVE) + " = " + value;
  }

  private static String quote(String name) {
    return '`' + name.replace("`", "``") + '`';
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
