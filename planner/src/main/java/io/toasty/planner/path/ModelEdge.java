package io.toasty.planner.path;

import io.toasty.error.InvalidStatementException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.PathNode;
import java.util.List;

/**
 * The edge a self relation is, between records of its model, each known by its key: a record of
 * {@code model} whose {@code from} fields equal a record's key leads to the record whose key
 * equals its {@code to} fields, where it matches {@code links}. The edge model is a
 * many-to-many relation's join model (from its key to the source, to its key to the target), or
 * the source model itself for a foreign key (a belongs-to: from the key to the foreign key; a
 * has-many or has-one: from the foreign key to the key). {@link PathEdges} maps it to columns.
 *
 * @param model the model whose records are the links
 * @param from  its fields equal to the key of the record a link leaves
 * @param to    its fields equal to the key of the record a link reaches
 * @param links which of its records are followed ({@link ExprNode#TRUE} for all)
 */
public record ModelEdge(String model, List<Integer> from, List<Integer> to, ExprNode links) {
  public ModelEdge {
    from = List.copyOf(from);
    to = List.copyOf(to);
  }

  /**
   * The edge of {@code path}'s relation, checked: a relation of the model to itself, no
   * multi-step via, keys that refer to the model's key, a links filter only through a join model.
   *
   * @throws InvalidStatementException for a relation a path cannot follow
   */
  public static ModelEdge of(PathNode path, Schema schema) {
    if (!(path.hop() instanceof PathNode.Hop.Relation hop)) {
      throw new IllegalArgumentException("a table-level path reached the planner: " + path);
    }
    ModelSchema model = schema.model(path.source());
    RelationSchema r = relation(model, hop);
    List<Integer> key = model.primaryKey();
    if (r.isMultiStep()) {
      throw refused(model, r, "a multi-step via");
    }
    if (r.through() != null) {
      requireKey(model, r, r.sourceFields(), key);
      requireKey(model, r, r.targetFields(), key);
      return new ModelEdge(r.through().model(), r.through().sourceFields(),
          r.through().targetFields(), hop.links());
    }
    if (!PlanPath.isTrue(hop.links())) {
      throw refused(model, r, "a filter on links, which only a relation through a join model"
          + " has,");
    }
    if (r.isBelongsTo()) {
      requireKey(model, r, r.targetFields(), key);
      return new ModelEdge(model.name(), key, r.sourceFields(), ExprNode.TRUE);
    }
    requireKey(model, r, r.sourceFields(), key);
    return new ModelEdge(model.name(), r.targetFields(), key, ExprNode.TRUE);
  }

  private static RelationSchema relation(ModelSchema model, PathNode.Hop.Relation hop) {
    int index = hop.relation() - model.fields().size();
    if (!hop.model().equals(model.name()) || index < 0 || index >= model.relations().size()) {
      throw new InvalidStatementException(model.name(), null, "a path of " + model.name()
          + " follows a relation of " + hop.model() + " (#" + hop.relation() + ")");
    }
    RelationSchema r = model.relations().get(index);
    if (!r.target().equals(model.name())) {
      throw new InvalidStatementException(model.name(), r.name(), "a path follows a relation "
          + "of a model to itself; " + model.name() + "." + r.name() + " relates to "
          + r.target());
    }
    return r;
  }

  private static void requireKey(ModelSchema model, RelationSchema r, List<Integer> fields,
      List<Integer> key) {
    if (!fields.equals(key)) {
      throw refused(model, r, "a relation that refers to other fields than the key");
    }
  }

  private static InvalidStatementException refused(ModelSchema model, RelationSchema r,
      String what) {
    return new InvalidStatementException(model.name(), r.name(), "a path cannot follow " + what
        + ": " + model.name() + "." + r.name());
  }
}
