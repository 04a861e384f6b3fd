package io.toasty.tck;

import io.toasty.ModelDef;
import io.toasty.reactive.Db;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What a scenario reads of a graph backend's stored graph, outside the models: relationships by
 * type and direction, and their properties. Backends that store no graph have none
 * ({@link #of} is empty); a graph backend supplies a {@link Factory} through
 * {@link ServiceLoader}.
 */
public interface GraphProbe {

  /**
   * How many relationships of {@code type} point from a node of {@code fromTable}'s label to a
   * node of {@code toTable}'s ({@code type} as stored: a join model's carries the label prefix,
   * see {@link #joinType}).
   */
  long relationships(String fromTable, String type, String toTable);

  /**
   * {@link #relationships(String, String, String)} between the labels of {@code from} and
   * {@code to} as the probed {@code Db} names them ({@code Db.tableOf}: a naming strategy may
   * rename them).
   */
  long relationships(ModelDef<?> from, String type, ModelDef<?> to);

  /** How many nodes carry {@code table}'s label. */
  long nodes(String table);

  /** How many nodes carry {@code model}'s label, as the probed {@code Db} names it. */
  long nodes(ModelDef<?> model);

  /**
   * The relationship type of a join model stored under its table's name ({@link #joinType}), as
   * the probed {@code Db} names that table.
   */
  String joinType(ModelDef<?> model);

  /**
   * The relationship type a join model is stored as, given its unprefixed name (its table's, or
   * the type its {@code @Relationship} declares): under the label prefix.
   */
  String joinType(String name);

  /** The properties of every relationship of {@code type}, in no order. */
  List<Map<String, Object>> properties(String type);

  /** Makes probes for some backends. */
  interface Factory {
    /** A probe for {@code db}, if this factory serves its backend. */
    Optional<GraphProbe> probe(Db db);
  }

  /** The probe for {@code db}'s backend; empty where it stores no graph. */
  static Optional<GraphProbe> of(Db db) {
    for (Factory f : ServiceLoader.load(Factory.class)) {
      Optional<GraphProbe> probe = f.probe(db);
      if (probe.isPresent()) {
        return probe;
      }
    }
    return Optional.empty();
  }
}
