package io.toasty.planner.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.PathNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The path pass: a relation of a model to itself becomes an edge between rows of one table (the
 * join table of a many-to-many, the table itself for a foreign key, either way), fields become
 * columns, and a backend without path queries refuses before anything is planned.
 */
class PlanPathTest {
  /** Person (id, name, managerId; manager, reports, follows, following). */
  private static final ModelSchema PERSON = new ModelSchema("Person", "x.Person", "people",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "name", Type.Scalar.STRING, false, null, null, "name"),
          new FieldSchema(2, "managerId", Type.Scalar.I64, true, null, null, "manager_id")),
      List.of(0), List.of(),
      List.of(
          new RelationSchema(0, "manager", RelationSchema.Kind.BELONGS_TO, "Person", "",
              List.of(2), List.of(0), true, null),
          new RelationSchema(1, "reports", RelationSchema.Kind.HAS_MANY, "Person", "manager",
              List.of(0), List.of(2), false, null),
          new RelationSchema(2, "follows", RelationSchema.Kind.HAS_MANY, "Follow", "follower",
              List.of(0), List.of(1), false, null),
          new RelationSchema(3, "following", RelationSchema.Kind.HAS_MANY, "Person", "",
              List.of(0), List.of(0), false, new RelationSchema.Through("Follow",
                  List.of("follows", "followee"), List.of(1), List.of(2)))));
  private static final int MANAGER = 3;
  private static final int REPORTS = 4;
  private static final int FOLLOWS = 5;
  private static final int FOLLOWING = 6;

  private static final ModelSchema FOLLOW = new ModelSchema("Follow", "x.Follow", "follows",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, AutoStrategy.IDENTITY, null, "id"),
          new FieldSchema(1, "followerId", Type.Scalar.I64, false, null, null, "follower_id"),
          new FieldSchema(2, "followeeId", Type.Scalar.I64, false, null, null, "followee_id"),
          new FieldSchema(3, "since", Type.Scalar.I32, false, null, null, "since")),
      List.of(0), List.of(),
      List.of(new RelationSchema(0, "follower", RelationSchema.Kind.BELONGS_TO, "Person", "",
              List.of(1), List.of(0), false, null),
          new RelationSchema(1, "followee", RelationSchema.Kind.BELONGS_TO, "Person", "",
              List.of(2), List.of(0), false, null)));

  private static final Schema SCHEMA = Schema.of(List.of(PERSON, FOLLOW));
  private static final ExprNode ANN = new ExprNode.Compare(ExprNode.CompareOp.EQ,
      new ExprNode.Field("Person", 1), new ExprNode.Const(new Value.Str("ann")));

  private static PathNode path(int relation, ExprNode links) {
    return new PathNode("Person", ANN, new PathNode.Hop.Relation("Person", relation, links), 1,
        3, ExprNode.TRUE, PathNode.Mode.DISTINCT);
  }

  private static PathNode.Hop.Edge edge(int relation) {
    return (PathNode.Hop.Edge) PlanPath.plan(path(relation, ExprNode.TRUE), SCHEMA,
        Capability.H2).statement().hop();
  }

  @Test
  void aManyToManyIsItsJoinTableFromSourceToTarget() {
    Operation.PathQuery op = PlanPath.plan(path(FOLLOWING, ExprNode.TRUE), SCHEMA,
        Capability.POSTGRESQL);
    assertEquals(new PathNode.Hop.Edge("follows", List.of(1), List.of(2), ExprNode.TRUE),
        op.statement().hop());
    assertEquals("people", op.statement().source());
    assertEquals(new ExprNode.Compare(ExprNode.CompareOp.EQ, new ExprNode.Column("people", 1),
        new ExprNode.Const(new Value.Str("ann"))), op.statement().start());
    // the table's columns, then the length
    assertEquals(List.of(Type.Scalar.I64, Type.Scalar.STRING, Type.Scalar.I64, Type.Scalar.I64),
        op.rowType());
  }

  @Test
  void aForeignKeyLeadsFromTheKeyToItsValueAndBack() {
    assertEquals(new PathNode.Hop.Edge("people", List.of(0), List.of(2), ExprNode.TRUE),
        edge(MANAGER));
    assertEquals(new PathNode.Hop.Edge("people", List.of(2), List.of(0), ExprNode.TRUE),
        edge(REPORTS));
  }

  @Test
  void linksFilterTheJoinTablesColumns() {
    ExprNode since = new ExprNode.Compare(ExprNode.CompareOp.LT, new ExprNode.Field("Follow", 3),
        new ExprNode.Const(new Value.I32(2020)));
    PathNode.Hop.Edge edge = (PathNode.Hop.Edge) PlanPath.plan(path(FOLLOWING, since), SCHEMA,
        Capability.H2).statement().hop();
    assertEquals(new ExprNode.Compare(ExprNode.CompareOp.LT, new ExprNode.Column("follows", 3),
        new ExprNode.Const(new Value.I32(2020))), edge.filter());
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> PlanPath.plan(path(MANAGER, since), SCHEMA, Capability.H2));
    assertTrue(e.getMessage().contains("join model"), e.getMessage());
  }

  @Test
  void aRelationToAnotherModelIsNoPath() {
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> PlanPath.plan(path(FOLLOWS, ExprNode.TRUE), SCHEMA, Capability.H2));
    assertTrue(e.getMessage().contains("Person.follows relates to Follow"), e.getMessage());
  }

  @Test
  void aBackendWithoutPathQueriesRefusesThem() {
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> PlanPath.plan(path(FOLLOWING, ExprNode.TRUE), SCHEMA, Capability.DYNAMODB));
    assertEquals(Feature.PATH_QUERIES, e.feature());
    assertTrue(Capability.H2.pathQueries() && Capability.MARIADB.pathQueries()
        && Capability.SQLITE.pathQueries() && !Capability.DYNAMODB.pathQueries());
    assertTrue(PlanPath.plan(path(FOLLOWING, ExprNode.TRUE), SCHEMA,
        Capability.H2.withPathQueries(true)) != null);
    assertThrows(UnsupportedFeatureException.class, () -> PlanPath.plan(
        path(FOLLOWING, ExprNode.TRUE), SCHEMA, Capability.H2.withPathQueries(false)));
  }

  @Test
  void theModelEdgeIsWhatTheEngineReadsHopByHop() {
    assertEquals(new ModelEdge("Follow", List.of(1), List.of(2), ExprNode.TRUE),
        ModelEdge.of(path(FOLLOWING, ExprNode.TRUE), SCHEMA));
    assertEquals(new ModelEdge("Person", List.of(0), List.of(2), ExprNode.TRUE),
        ModelEdge.of(path(MANAGER, ExprNode.TRUE), SCHEMA));
    assertEquals(new ModelEdge("Person", List.of(2), List.of(0), ExprNode.TRUE),
        ModelEdge.of(path(REPORTS, ExprNode.TRUE), SCHEMA));
  }

  @Test
  void withoutPathQueriesTheExplainShowsTheEnginesReads() {
    String plan = ExplainPath.explain(path(FOLLOWING, ExprNode.TRUE), SCHEMA,
        Capability.DYNAMODB, null);
    assertTrue(plan.contains("step by step") && plan.contains("each hop, up to 3: Follow where "
        + "[1] IN"), plan);
    assertThrows(InvalidStatementException.class, () -> ExplainPath.explain(
        path(FOLLOWS, ExprNode.TRUE), SCHEMA, Capability.DYNAMODB, null));
  }
}
