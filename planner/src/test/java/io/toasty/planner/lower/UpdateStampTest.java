package io.toasty.planner.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.driver.Capability;
import io.toasty.planner.cache.Parameterize;
import io.toasty.planner.hir.Hir;
import io.toasty.schema.Schema;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @CreatedAt}/{@code @UpdatedAt} on the create and update paths, clock and database time. */
class UpdateStampTest {
  static final ModelSchema STAMP = new ModelSchema("Stamp", "com.example.Stamp", "stamps",
      List.of(
          new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
          new FieldSchema(1, "title", Type.Scalar.STRING, false, null, null, "title"),
          new FieldSchema(2, "createdAt", Type.Scalar.INSTANT, false, AutoStrategy.NOW, null,
              "created_at"),
          new FieldSchema(3, "updatedAt", Type.Scalar.INSTANT, false, AutoStrategy.NOW, null,
              "updated_at", AutoStrategy.NOW)),
      List.of(0), List.of());
  static final Schema SCHEMA = Schema.of(List.of(STAMP));

  private static Hir lower(StatementNode s, Capability cap, boolean databaseTime) {
    var shape = Parameterize.of(s);
    return Lower.lower(shape.statement(), SCHEMA, cap, shape.args().size(), databaseTime);
  }

  private static InsertNode create() {
    return new InsertNode(new Source.Model("Stamp"), List.of(), List.of(ExprNode.Record.of(
        new ExprNode.Const(Value.of(1L)), new ExprNode.Const(Value.of("a")), new ExprNode.Default(),
        new ExprNode.Default())), Returning.Model.plain());
  }

  private static UpdateNode retitle(Assignment... more) {
    List<Assignment> assignments = new ArrayList<>(List.of(
        new Assignment(1, new ExprNode.Const(Value.of("b")))));
    assignments.addAll(List.of(more));
    return new UpdateNode(new Source.Model("Stamp"), new ExprNode.Compare(ExprNode.CompareOp.EQ,
        new ExprNode.Field("Stamp", 0), new ExprNode.Const(Value.of(1L))), assignments,
        new Returning.Count());
  }

  @Test
  void aCreateFillsBothFieldsFromOneClockSlotEach() {
    Hir hir = lower(create(), Capability.H2, false);
    InsertNode t = (InsertNode) hir.statements().get(0).statement();
    assertEquals(ExprNode.Record.of(new ExprNode.Arg(0), new ExprNode.Arg(1), new ExprNode.Arg(2),
        new ExprNode.Arg(3)), t.rows().get(0));
    assertEquals(List.of(new ExtraArg.NowArg(Type.Scalar.INSTANT, "Stamp", "createdAt"),
        new ExtraArg.NowArg(Type.Scalar.INSTANT, "Stamp", "updatedAt")), hir.extraArgs());
  }

  @Test
  void anUpdateSetsUpdatedAtOnly() {
    Hir hir = lower(retitle(), Capability.H2, false);
    UpdateNode t = (UpdateNode) hir.statements().get(0).statement();
    assertEquals(
        List.of(new Assignment(1, new ExprNode.Arg(1)), new Assignment(3, new ExprNode.Arg(2))),
        t.assignments());
    assertEquals(List.of(new ExtraArg.NowArg(Type.Scalar.INSTANT, "Stamp", "updatedAt")),
        hir.extraArgs());
  }

  @Test
  void anUpdateThatSetsUpdatedAtKeepsItsValue() {
    Hir hir = lower(retitle(new Assignment(3, new ExprNode.Const(Value.of(
        Instant.EPOCH)))), Capability.H2, false);
    assertEquals(2, ((UpdateNode) hir.statements().get(0).statement()).assignments().size());
    assertEquals(List.of(), hir.extraArgs());
  }

  @Test
  void databaseTimeWritesTheServersExpressionOnSql() {
    Hir hir = lower(create(), Capability.POSTGRESQL, true);
    InsertNode t = (InsertNode) hir.statements().get(0).statement();
    ExprNode now = new ExprNode.Now(Type.Scalar.INSTANT);
    assertEquals(
        ExprNode.Record.of(new ExprNode.Arg(0), new ExprNode.Arg(1), now, now), t.rows().get(0));
    UpdateNode u = (UpdateNode) lower(retitle(), Capability.POSTGRESQL, true).statements().get(0)
        .statement();
    assertEquals(new Assignment(3, now), u.assignments().get(1));
  }

  @Test
  void databaseTimeKeepsTheClockWithoutSql() {
    Hir hir = lower(create(), Capability.DYNAMODB, true);
    assertEquals(2, hir.extraArgs().size());
  }
}
