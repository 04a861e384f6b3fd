package io.toasty.planner.lower;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.planner.cache.Parameterize;
import io.toasty.planner.hir.Hir;
import io.toasty.planner.hir.HirDep;
import io.toasty.planner.hir.HirOutput;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.DeleteNode;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LowerTest {
  /** A SQL backend without RETURNING from updates (like MySQL). */
  static final Capability NO_RETURNING = new Capability("sql-no-returning", true, false, true,
      false, true, true, true, true, true, true, 64);

  private static Hir lower(StatementNode s, Capability cap) {
    var shape = Parameterize.of(s);
    return Lower.lower(shape.statement(), SCHEMA, cap, shape.args().size());
  }

  private static ExprNode col(int i) {
    return new ExprNode.Column("users", i);
  }

  @Test
  void queryProjectsEveryColumnAndLiftsFields() {
    Hir hir = lower(users(eq(user(EMAIL), str("a@x"))), Capability.H2);
    Query q = (Query) hir.statements().get(0).statement();
    assertEquals(new Source.Table("users"), q.source());
    assertEquals(eq(col(EMAIL), new ExprNode.Arg(0)), q.filter());
    assertEquals(6, ((Returning.Project) q.returning()).exprs().size());
    assertEquals(new HirOutput.Rows(SCHEMA.mapping("User").fieldFromColumns()), hir.output());
  }

  @Test
  void insertFillsDefaultsAndOmitsIdentity() {
    InsertNode i =
        new InsertNode(
            new Source.Model("User"),
            List.of(),
            List.of(
                userRow(
                    new ExprNode.Default(),
                    str("Ann"),
                    str("a@x"),
                    new ExprNode.Default(),
                    new ExprNode.Default(),
                    str("DRAFT"))),
            Returning.Model.plain());
    Hir hir = lower(i, Capability.H2);
    InsertNode t = (InsertNode) hir.statements().get(0).statement();
    assertEquals(List.of(1, 2, 3, 4, 5), t.columns());
    assertEquals(
        ExprNode.Record.of(
            new ExprNode.Arg(0),
            new ExprNode.Arg(1),
            ExprNode.NULL,
            new ExprNode.Arg(3),
            new ExprNode.Arg(2)),
        t.rows().get(0));
    assertEquals(List.of(new ExtraArg.ConstantArg(new Value.I32(0))), hir.extraArgs());
    assertEquals(6, ((Returning.Project) t.returning()).exprs().size());
  }

  @Test
  void insertGeneratesUuidKeysPerRow() {
    ExprNode.Record row =
        ExprNode.Record.of(new ExprNode.Default(), str("t"), new ExprNode.Default());
    InsertNode i = new InsertNode(new Source.Model("Todo"), List.of(), List.of(row, row),
        Returning.Model.plain());
    Hir hir = lower(i, Capability.H2);
    InsertNode t = (InsertNode) hir.statements().get(0).statement();
    assertEquals(List.of(0, 1, 2), t.columns());
    assertEquals(new ExprNode.Arg(2), t.rows().get(0).fields().get(0));
    assertEquals(new ExprNode.Arg(4), t.rows().get(1).fields().get(0));
    assertEquals(t.rows().get(0).fields().get(2), t.rows().get(1).fields().get(2));
    assertEquals(
        new ExtraArg.GeneratedArg(AutoStrategy.UUID_V7, "Todo", "id"), hir.extraArgs().get(0));
  }

  @Test
  void aNonAtomicInsertStaysNonAtomicOnlyWhereNoRowCanCollide() {
    ExprNode.Record generated =
        ExprNode.Record.of(new ExprNode.Default(), str("t"), new ExprNode.Default());
    ExprNode.Record keyed = ExprNode.Record.of(new ExprNode.Const(new Value.Uuid(UUID
        .randomUUID())), str("t"), new ExprNode.Default());
    assertFalse(lowered(new InsertNode(new Source.Model("Todo"), List.of(),
        List.of(generated, generated), Returning.Model.plain()).withAtomic(false)).atomic());
    assertTrue(lowered(new InsertNode(new Source.Model("Todo"), List.of(),
        List.of(generated, generated), Returning.Model.plain())).atomic(), "not asked");
    assertTrue(lowered(new InsertNode(new Source.Model("Todo"), List.of(),
        List.of(generated, keyed), Returning.Model.plain()).withAtomic(false)).atomic(),
        "a key the caller set may be taken");
    assertTrue(lowered(new InsertNode(new Source.Model("User"), List.of(), List.of(userRow(
        i64(1), str("Ann"), str("a@x"), new ExprNode.Default(), new ExprNode.Default(),
        str("DRAFT"))), Returning.Model.plain()).withAtomic(false)).atomic(),
        "a unique email");
    assertTrue(
        lowered(
                new InsertNode(
                        new Source.Model("Event"),
                        List.of(),
                        List.of(ExprNode.Record.of(str("s"), i64(1), str("p"))),
                        Returning.Model.plain())
                    .withAtomic(false))
            .atomic(),
        "a natural key");
  }

  private static InsertNode lowered(InsertNode model) {
    return (InsertNode) lower(model, Capability.DYNAMODB).statements().get(0).statement();
  }

  @Test
  void updateCountIsOneStatement() {
    UpdateNode u =
        new UpdateNode(
            new Source.Model("User"),
            eq(user(ID), i64(1)),
            List.of(
                new Assignment(
                    LOGIN_COUNT,
                    new ExprNode.Arith(
                        ExprNode.ArithOp.ADD,
                        user(LOGIN_COUNT),
                        new ExprNode.Const(new Value.I32(1))))),
            new Returning.Count());
    Hir hir = lower(u, Capability.H2);
    UpdateNode t = (UpdateNode) hir.statements().get(0).statement();
    assertEquals(
        new Assignment(
            LOGIN_COUNT,
            new ExprNode.Arith(ExprNode.ArithOp.ADD, col(LOGIN_COUNT), new ExprNode.Arg(1))),
        t.assignments().get(0));
    assertEquals(new HirOutput.Count(), hir.output());
  }

  @Test
  void updateReturningUsesReturningWhereAvailable() {
    UpdateNode u = new UpdateNode(new Source.Model("User"), eq(user(ID), i64(1)),
        List.of(new Assignment(NAME, str("x"))), Returning.Model.plain());
    assertEquals(1, lower(u, Capability.H2).statements().size());
    Hir hir = lower(u, NO_RETURNING);
    assertEquals(3, hir.statements().size());
    assertEquals(List.of(new HirDep(0, HirDep.Kind.KEYS)), hir.statements().get(1).deps());
    assertEquals(List.of(new HirDep(0, HirDep.Kind.KEYS), new HirDep(1, HirDep.Kind.AFTER)),
        hir.statements().get(2).deps());
    assertEquals(2, hir.result());
  }

  @Test
  void deleteAndEmptyFilter() {
    Hir hir = lower(new DeleteNode(new Source.Model("User"), eq(user(ID), i64(3)),
        new Returning.Count()), Capability.H2);
    assertInstanceOf(DeleteNode.class, hir.statements().get(0).statement());
    Hir empty =
        lower(
            new DeleteNode(new Source.Model("User"), ExprNode.FALSE, new Returning.Count()),
            Capability.H2);
    assertTrue(empty.isEmpty());
  }
}
