package io.toasty.driver;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing an existing table lacks that the models declare, as schema push sees it: a range
 * CHECK, a foreign key, a unique index, an index, a DynamoDB GSI or a Neo4j constraint. Push adds
 * those it can add in place ({@link #inPlace()}); the others it leaves, and reports with the
 * statements that would add them (SQLite adds a CHECK or a foreign key only by rebuilding the
 * table). {@code toasty schema diff --push} prints them.
 *
 * @param table      the table (or label, or relationship type) that lacks it
 * @param name       the constraint's or index's name, as the models name it
 * @param kind       what it is
 * @param statements the statements that add it, in order
 * @param inPlace    whether push adds it; {@code false}: push reports it and leaves the table
 */
public record SchemaUpgrade(String table, String name, Kind kind, List<String> statements,
    boolean inPlace) {
  public SchemaUpgrade {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    statements = List.copyOf(statements);
  }

  /** What an upgrade adds. */
  public enum Kind {
    /** A CHECK that keeps an integer column within its field type's range. */
    RANGE_CHECK,
    /** A foreign key of a belongs-to relation. */
    FOREIGN_KEY,
    /** A unique index or constraint. */
    UNIQUE,
    /** An index that is not unique. */
    INDEX,
    /** A DynamoDB global secondary index. */
    SECONDARY_INDEX,
    /** A Neo4j constraint or index. */
    GRAPH_CONSTRAINT
  }

  /** One line for people: {@code users: missing foreign key users_org_fkey (added by push)}. */
  public String describe() {
    return table + ": missing " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " " + name + (inPlace ? " (push adds it)"
            : " (push cannot add it in place: run the statements below)");
  }
}
