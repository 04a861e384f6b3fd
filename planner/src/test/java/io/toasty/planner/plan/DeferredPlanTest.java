package io.toasty.planner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Deferred;
import io.toasty.driver.Capability;
import io.toasty.planner.cache.Parameterize;
import io.toasty.planner.hir.Hir;
import io.toasty.planner.hir.HirOutput;
import io.toasty.planner.lower.Lower;
import io.toasty.planner.plan.node.GetByKey;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.plan.node.ProjectRows;
import io.toasty.planner.plan.node.Scan;
import io.toasty.planner.simplify.Simplify;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deferred fields in plans: a query's projection leaves their columns out unless its returning
 * reads them; on a key-value backend the read asks for the other columns and its rows are
 * widened back, NULL in the columns it left out, unless the filter tests one.
 */
class DeferredPlanTest {
  private static final ModelSchema POST = new ModelSchema("Post", "com.example.Post", "posts",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
          new FieldSchema(1, "title", Type.Scalar.STRING, false, null, null, "title"),
          new FieldSchema(2, "body", Type.Scalar.STRING, false, null, null, "body", null, false,
              null, true),
          new FieldSchema(3, "votes", Type.Scalar.I32, false, null, null, "votes")),
      List.of(0), List.of());
  private static final Schema SCHEMA = Schema.of(List.of(POST));
  private static final ExprNode.Field BODY = new ExprNode.Field("Post", 2);

  private static Query posts(ExprNode filter, Returning.Model returning) {
    return new Query(new Source.Model("Post"), filter, returning, List.of(), null);
  }

  private static Hir hir(StatementNode s, Capability cap) {
    var shape = Parameterize.of(s);
    return Lower.lower(Simplify.statement(shape.statement(), SCHEMA), SCHEMA, cap,
        shape.args().size());
  }

  private static Mir mir(StatementNode s, Capability cap) {
    return Plan.plan(hir(s, cap), SCHEMA, cap);
  }

  private static ExprNode column(int c) {
    return new ExprNode.Column("posts", c);
  }

  private static ExprNode gt(ExprNode field, long v) {
    return new ExprNode.Compare(ExprNode.CompareOp.GT, field, new ExprNode.Const(new Value.I64(v)));
  }

  @Test
  void aSqlQueryLeavesTheDeferredColumnOutAndLiftsItAsNotLoaded() {
    Hir hir = hir(posts(ExprNode.TRUE, Returning.Model.plain()), Capability.H2);
    Query q = (Query) hir.statements().get(0).statement();
    assertEquals(List.of(column(0), column(1), column(3)),
        ((Returning.Project) q.returning()).exprs());
    List<ExprNode> fields = ((HirOutput.Rows) hir.output()).fields();
    assertEquals(new ExprNode.Const(Deferred.NOT_LOADED), fields.get(2));
    assertEquals(column(3), fields.get(3));
  }

  @Test
  void aSqlQueryReadingTheFieldSelectsItsColumn() {
    Hir hir = hir(posts(ExprNode.TRUE, Returning.Model.plain().reading(List.of(BODY))),
        Capability.H2);
    Query q = (Query) hir.statements().get(0).statement();
    assertEquals(List.of(column(0), column(1), column(2), column(3)),
        ((Returning.Project) q.returning()).exprs());
    assertEquals(column(2), ((HirOutput.Rows) hir.output()).fields().get(2));
  }

  @Test
  void aKeyValueScanAsksForTheOtherColumnsAndWidensItsRows() {
    Mir mir = mir(posts(gt(new ExprNode.Field("Post", 3), 1), Returning.Model.plain()),
        Capability.DYNAMODB);
    assertEquals("Scan, ProjectRows", Plans.kinds(mir));
    assertEquals(List.of(0, 1, 3), ((Scan) mir.nodes().get(0)).columns());
    assertEquals(List.of(0, 1, -1, 2), ((ProjectRows) mir.nodes().get(1)).positions());
  }

  @Test
  void aKeyValueReadByKeyLeavesItOutToo() {
    ExprNode byKey = new ExprNode.Compare(ExprNode.CompareOp.EQ, new ExprNode.Field("Post", 0),
        new ExprNode.Const(new Value.I64(7)));
    Mir mir = mir(posts(byKey, Returning.Model.plain()), Capability.DYNAMODB);
    GetByKey get = (GetByKey) mir.nodes().stream().filter(n -> n instanceof GetByKey)
        .findFirst().orElseThrow();
    assertEquals(List.of(0, 1, 3), get.columns());
    Mir reading = mir(posts(byKey, Returning.Model.plain().reading(List.of(BODY))),
        Capability.DYNAMODB);
    assertFalse(Plans.kinds(reading).contains("ProjectRows"), Plans.kinds(reading));
  }

  @Test
  void aKeyValueFilterOnTheDeferredFieldReadsItForTheEngine() {
    ExprNode onBody =
        new ExprNode.Compare(ExprNode.CompareOp.EQ, BODY, new ExprNode.Const(new Value.Str("x")));
    Mir mir = mir(posts(onBody, Returning.Model.plain()), Capability.DYNAMODB);
    assertTrue(Plans.kinds(mir).startsWith("Scan"), Plans.kinds(mir));
    assertEquals(List.of(0, 1, 2, 3), ((Scan) mir.nodes().get(0)).columns());
    assertFalse(Plans.kinds(mir).contains("ProjectRows"), Plans.kinds(mir));
  }

  @Test
  void widenedRowsPutEachColumnBackInItsPlace() {
    assertEquals(List.of(0, -1, 1, -1), UnreadColumns.widening(List.of(0, 2), 4));
  }
}
