package io.toasty.neo4j.cypher;

import java.util.Objects;

/**
 * How tables and columns are named in the graph: a table is a node label (with the driver's
 * label prefix, so that several applications or test runs share one database), a column a
 * property. Every name is quoted with backticks, so no name can change a statement's meaning.
 */
public record Names(String labelPrefix) {
  public Names {
    Objects.requireNonNull(labelPrefix, "labelPrefix");
  }

  /** The label of {@code table}'s nodes, unquoted. */
  public String label(String table) {
    return labelPrefix + table;
  }

  /** The table whose label is {@code label}, or {@code null} if it carries another prefix. */
  public String tableOf(String label) {
    return label.startsWith(labelPrefix) ? label.substring(labelPrefix.length()) : null;
  }

  /** A schema object's name (constraint, index), prefixed like the labels. */
  public String schemaObject(String name) {
    return labelPrefix + name;
  }

  /** {@code name} quoted as a Cypher identifier. */
  public static String quote(String name) {
    return '`' + name.replace("`", "``") + '`';
  }

  /** Appends {@code name} quoted. */
  public static void quote(StringBuilder out, String name) {
    out.append('`').append(name.replace("`", "``")).append('`');
  }
}
