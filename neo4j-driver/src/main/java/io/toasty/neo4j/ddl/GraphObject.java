package io.toasty.neo4j.ddl;

import java.util.List;
import java.util.Objects;

/**
 * One constraint or index schema push creates, as {@code SHOW CONSTRAINTS} and
 * {@code SHOW INDEXES} describe it, with the command that creates it.
 *
 * @param table      the model's table
 * @param name       its name, prefixed
 * @param edge       whether it is on a relationship type (else on a node label)
 * @param label      the label or relationship type, prefixed
 * @param properties the properties, unquoted, in order
 * @param unique     a uniqueness constraint (else a range index)
 * @param command    the command that creates it ({@code IF NOT EXISTS})
 */
public record GraphObject(String table, String name, boolean edge, String label,
    List<String> properties, boolean unique, String command) {
  public GraphObject {
    Objects.requireNonNull(name, "name");
    properties = List.copyOf(properties);
  }

  /** {@code NODE} or {@code RELATIONSHIP}, as Neo4j's schema listings say. */
  public String entityType() {
    return edge ? "RELATIONSHIP" : "NODE";
  }
}
