package io.toasty.planner.path;

import io.toasty.error.InvalidStatementException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.PathNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge a self relation is, between rows of its model's table, each row known by its primary
 * key: a many-to-many relation's join table (from its key to the source, to its key to the
 * target); a belongs-to's own table (from the key to the foreign key); a has-many's or has-one's
 * own table (from the foreign key to the key).
 */
final class PathEdges {
  private PathEdges() {}

  static PathNode.Hop.Edge edge(Schema schema, ModelSchema model, RelationSchema r,
      ExprNode links) {
    ModelMapping mapping = schema.mapping(model.name());
    List<Integer> key = schema.table(mapping.table()).primaryKey();
    if (r.isMultiStep()) {
      throw refused(model, r, "a multi-step via");
    }
    if (r.through() != null) {
      ModelMapping join = schema.mapping(r.through().model());
      requireKey(model, r, columns(mapping, r.sourceFields()), key);
      requireKey(model, r, columns(mapping, r.targetFields()), key);
      return new PathNode.Hop.Edge(join.table(), columns(join, r.through().sourceFields()),
          columns(join, r.through().targetFields()), links);
    }
    if (!PlanPath.isTrue(links)) {
      throw refused(model, r, "a filter on links, which only a relation through a join model"
          + " has,");
    }
    if (r.isBelongsTo()) {
      requireKey(model, r, columns(mapping, r.targetFields()), key);
      return new PathNode.Hop.Edge(mapping.table(), key, columns(mapping, r.sourceFields()),
          ExprNode.TRUE);
    }
    requireKey(model, r, columns(mapping, r.sourceFields()), key);
    return new PathNode.Hop.Edge(mapping.table(), columns(mapping, r.targetFields()), key,
        ExprNode.TRUE);
  }

  private static List<Integer> columns(ModelMapping mapping, List<Integer> fields) {
    List<Integer> out = new ArrayList<>(fields.size());
    for (int f : fields) {
      out.add(mapping.columnOf(f));
    }
    return out;
  }

  private static void requireKey(ModelSchema model, RelationSchema r, List<Integer> columns,
      List<Integer> key) {
    if (!columns.equals(key)) {
      throw refused(model, r, "a relation that refers to other fields than the key");
    }
  }

  private static InvalidStatementException refused(ModelSchema model, RelationSchema r,
      String what) {
    return new InvalidStatementException(model.name(), r.name(), "a path cannot follow " + what
        + ": " + model.name() + "." + r.name());
  }
}
