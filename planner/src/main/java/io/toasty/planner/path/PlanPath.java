package io.toasty.planner.path;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.lower.LowerExpr;
import io.toasty.planner.softdelete.HideDeleted;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.db.ColumnSchema;
import io.toasty.schema.db.TableSchema;
import io.toasty.schema.mapping.ModelMapping;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.PathNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The planner's path pass: a model-level {@link PathNode} becomes the table-level one a driver
 * renders ({@link Operation.PathQuery}), its relation an edge between rows of one table, over
 * the live rows of a soft-deleted model ({@link HideDeleted#path}). Where
 * {@code Capability.pathQueries()} is false it is refused with {@link Feature#PATH_QUERIES}
 * before anything is sent; it never asks which database it plans for.
 */
public final class PlanPath {
  private PlanPath() {}

  /**
   * The operation that runs {@code path} on a backend of {@code capability}.
   *
   * @throws UnsupportedFeatureException where the backend runs no path queries
   * @throws InvalidStatementException   for a relation a path cannot follow
   */
  public static Operation.PathQuery plan(PathNode written, Schema schema,
      Capability capability) {
    PathNode path = HideDeleted.path(written, schema);
    if (!capability.pathQueries()) {
      throw new UnsupportedFeatureException(Feature.PATH_QUERIES, capability.backend(),
          "a path query of " + path.source() + " follows an unbounded chain of keys, which "
          + "the backend cannot do in one request");
    }
    ModelEdge modelEdge = ModelEdge.of(path, schema);
    ModelSchema model = schema.model(path.source());
    ModelMapping mapping = schema.mapping(model.name());
    TableSchema table = schema.table(mapping.table());
    PathNode.Hop.Edge edge = PathEdges.edge(schema, modelEdge,
        LowerExpr.lower(modelEdge.links(), schema));
    PathNode lowered = new PathNode(table.name(), LowerExpr.lower(path.start(), schema), edge,
        path.min(), path.max(), LowerExpr.lower(path.reached(), schema), path.mode(),
        LowerExpr.lower(path.nodes(), schema));
    List<Type> rowType = new ArrayList<>();
    for (ColumnSchema c : table.columns()) {
      rowType.add(c.type());
    }
    rowType.add(Type.Scalar.I64);
    return new Operation.PathQuery(lowered, List.of(), rowType);
  }

  /** Whether {@code e} is the constant true (no condition). */
  static boolean isTrue(ExprNode e) {
    return e.equals(ExprNode.TRUE);
  }
}
