package io.toasty.schema.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The order to create tables in so that the table a foreign key refers to exists before the
 * table that declares it, and the foreign keys that cannot be declared with their table because
 * they close a cycle (A refers to B, B to A): those are added once every table exists. Dropping
 * goes the other way ({@link #dropOrder()}). A self-reference is declared with its table. Schema
 * push and migrations order their DDL by it; the order is the given one wherever the foreign keys
 * allow, so that it does not change from run to run.
 */
public final class CreationOrder {
  /**
   * A foreign key named {@code name} of {@code table} to {@code referencedTable}.
   *
   * @param table           the table declaring it
   * @param name            its constraint name
   * @param referencedTable the table it refers to
   */
  public record Reference(String table, String name, String referencedTable) {
    public Reference {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(referencedTable, "referencedTable");
    }
  }

  private final List<String> tables;
  private final Set<Reference> later;

  private CreationOrder(List<String> tables, Set<Reference> later) {
    this.tables = List.copyOf(tables);
    this.later = Set.copyOf(later);
  }

  /**
   * The order of {@code tables} (given in the preferred order) under {@code references};
   * a reference to a table not among {@code tables} (one that exists already) constrains nothing.
   */
  public static CreationOrder of(List<String> tables, List<Reference> references) {
    Map<String, List<Reference>> byTable = new LinkedHashMap<>();
    tables.forEach(t -> byTable.put(t, new ArrayList<>()));
    for (Reference r : references) {
      List<Reference> of = byTable.get(r.table());
      if (of != null && byTable.containsKey(r.referencedTable())
          && !r.referencedTable().equals(r.table())) {
        of.add(r);
      }
    }
    List<String> order = new ArrayList<>();
    Set<Reference> later = new HashSet<>();
    Map<String, Boolean> visiting = new HashMap<>(); // true while on the path, false when done
    for (String t : tables) {
      visit(t, byTable, visiting, order, later);
    }
    return new CreationOrder(order, later);
  }

  private static void visit(String table, Map<String, List<Reference>> byTable,
      Map<String, Boolean> visiting, List<String> order, Set<Reference> later) {
    if (visiting.containsKey(table)) {
      return;
    }
    visiting.put(table, true);
    for (Reference r : Objects.requireNonNull(byTable.get(table), table)) {
      if (Boolean.TRUE.equals(visiting.get(r.referencedTable()))) {
        later.add(r); // closes a cycle: added once both tables exist
      } else {
        visit(r.referencedTable(), byTable, visiting, order, later);
      }
    }
    visiting.put(table, false);
    order.add(table);
  }

  /** The tables, each after the tables its foreign keys declared with it refer to. */
  public List<String> tables() {
    return tables;
  }

  /** The tables in the order to drop them: those that refer to others first. */
  public List<String> dropOrder() {
    List<String> out = new ArrayList<>(tables);
    Collections.reverse(out);
    return out;
  }

  /** Whether {@code reference} is added after every table is created (it closes a cycle). */
  public boolean isLater(Reference reference) {
    return later.contains(reference);
  }

  /** Whether any foreign key closes a cycle. */
  public boolean hasLater() {
    return !later.isEmpty();
  }
}
