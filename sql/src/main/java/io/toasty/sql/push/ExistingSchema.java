package io.toasty.sql.push;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables a database has, each with the names of its constraints and indexes, and (SQLite,
 * whose catalog lists no constraint by name) the CREATE TABLE text it was made with. Names compare
 * without case: the catalogs fold some of them.
 */
public record ExistingSchema(Map<String, Set<String>> names, Map<String, String> definitions) {
  public ExistingSchema {
    names = Map.copyOf(names);
    definitions = Map.copyOf(definitions);
  }

  /**
   * From catalog rows of (table, name or empty, definition or null), as {@link SchemaCatalog}'s
   * query answers them.
   */
  public static ExistingSchema of(List<List<String>> rows) {
    Map<String, Set<String>> names = new HashMap<>();
    Map<String, String> definitions = new HashMap<>();
    for (List<String> row : rows) {
      String table = key(row.get(0));
      Set<String> of = names.computeIfAbsent(table, t -> new HashSet<>());
      if (row.get(1) != null && !row.get(1).isEmpty()) {
        of.add(key(row.get(1)));
      }
      if (row.size() > 2 && row.get(2) != null) {
        definitions.put(table, row.get(2));
      }
    }
    return new ExistingSchema(names, definitions);
  }

  /** Whether the table exists. */
  public boolean hasTable(String table) {
    return names.containsKey(key(table));
  }

  /**
   * Whether the table has a constraint or index called {@code name}: listed by the catalog, or
   * declared in its CREATE TABLE text as {@code quoted}.
   */
  public boolean has(String table, String name, String quoted) {
    String t = key(table);
    if (names.getOrDefault(t, Set.of()).contains(key(name))) {
      return true;
    }
    String definition = definitions.get(t);
    return definition != null
        && definition.toLowerCase(Locale.ROOT).contains(quoted.toLowerCase(Locale.ROOT));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
