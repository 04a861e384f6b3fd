package io.toasty.neo4j.cypher;

import io.toasty.schema.JoinModels;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How tables and columns are named in the graph: a table is a node label (with the driver's
 * label prefix, so that several applications or test runs share one database), a column a
 * property; a join model stored as a relationship is a relationship type named after its table,
 * or as its {@code @Relationship} declares ({@code renamed}), under the same prefix. Every name
 * is quoted with backticks, so no name can change a statement's meaning.
 *
 * @param labelPrefix the prefix of every label, relationship type of a join model and schema
 *                    object
 * @param renamed     the tables whose graph name is not the table's own, to that name
 */
public record Names(String labelPrefix, Map<String, String> renamed) {
  public Names {
    Objects.requireNonNull(labelPrefix, "labelPrefix");
    renamed = Map.copyOf(renamed);
  }

  /** Names after the tables themselves. */
  public Names(String labelPrefix) {
    this(labelPrefix, Map.of());
  }

  /** The names of {@code schema}'s tables: a join model's as its declared type, if any. */
  public static Names of(String labelPrefix, Schema schema) {
    Map<String, String> renamed = new HashMap<>();
    for (ModelSchema model : schema.models()) {
      if (JoinModels.isEdge(schema, model)) {
        JoinModels.declared(model).filter(g -> !g.type().isEmpty())
            .ifPresent(g -> renamed.put(schema.mapping(model.name()).table(), g.type()));
      }
    }
    return new Names(labelPrefix, renamed);
  }

  /** The label of {@code table}'s nodes (or type of its relationships), unquoted. */
  public String label(String table) {
    return labelPrefix + renamed.getOrDefault(table, table);
  }

  /** The table whose label is {@code label}, or {@code null} if it carries another prefix. */
  public @Nullable String tableOf(String label) {
    if (!label.startsWith(labelPrefix)) {
      return null;
    }
    String name = label.substring(labelPrefix.length());
    return renamed.entrySet().stream().filter(e -> e.getValue().equals(name))
        .map(Map.Entry::getKey).findFirst().orElse(name);
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
