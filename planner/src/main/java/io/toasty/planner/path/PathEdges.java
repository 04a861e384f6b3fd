package io.toasty.planner.path;

import io.toasty.schema.Schema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.PathNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge a self relation is, between rows of its model's table, each row known by its primary
 * key: the {@link ModelEdge}'s fields as its model's columns (a many-to-many relation's join
 * table; the model's own table for a foreign key).
 */
final class PathEdges {
  private PathEdges() {}

  static PathNode.Hop.Edge edge(Schema schema, ModelEdge edge, ExprNode links) {
    ModelMapping mapping = schema.mapping(edge.model());
    return new PathNode.Hop.Edge(mapping.table(), columns(mapping, edge.from()),
        columns(mapping, edge.to()), links);
  }

  private static List<Integer> columns(ModelMapping mapping, List<Integer> fields) {
    List<Integer> out = new ArrayList<>(fields.size());
    for (int f : fields) {
      out.add(mapping.columnOf(f));
    }
    return out;
  }
}
