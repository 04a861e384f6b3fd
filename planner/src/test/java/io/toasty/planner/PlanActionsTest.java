package io.toasty.planner;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.planner.action.ActionPlan;
import io.toasty.planner.action.ConstAction;
import io.toasty.planner.action.ExecStatementAction;
import io.toasty.planner.action.FilterAction;
import io.toasty.planner.action.GetByKeyAction;
import io.toasty.planner.action.Var;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.StatementNode;
import io.toasty.stmt.UpdateNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanActionsTest {
  static final Capability NO_RETURNING = new Capability("sql-no-returning", true, false, true,
      false, true, true, true, true, true, true, 64);
  static final Capability ROW_BY_ROW = new Capability("sql-single-row", true, true, true, true,
      true, true, true, true, true, false, 64);

  private static ActionPlan actions(StatementNode s, Capability cap) {
    return new Planner(SCHEMA, cap, 16).prepare(s).plan().actions();
  }

  @Test
  void singleReadStreamsWithoutTransaction() {
    ActionPlan p = actions(users(eq(user(EMAIL), str("a"))), Capability.H2);
    assertInstanceOf(ExecStatementAction.class, p.actions().get(0));
    assertEquals(new Var(0, 0, true, false), p.vars().get(0));
    assertFalse(p.transaction());
  }

  @Test
  void keyLookupChainsActionsAndCountsReaders() {
    ActionPlan p = actions(users(ExprNode.and(eq(user(ID), i64(1)), eq(user(NAME), str("a")))),
        Capability.DYNAMODB);
    assertInstanceOf(ConstAction.class, p.actions().get(0));
    assertInstanceOf(GetByKeyAction.class, p.actions().get(1));
    assertInstanceOf(FilterAction.class, p.actions().get(2));
    assertEquals(new Var(0, 1, false, false), p.vars().get(0));
    assertEquals(new Var(1, 1, true, false), p.vars().get(1));
    assertEquals(2, p.result());
  }

  @Test
  void severalMutationsRunInATransaction() {
    ExprNode.Record row = ExprNode.Record.of(new ExprNode.Default(), str("t"), ExprNode.TRUE);
    InsertNode i = new InsertNode(new Source.Model("Todo"), List.of(), List.of(row, row),
        Returning.Model.plain());
    assertTrue(actions(i, ROW_BY_ROW).transaction());
    assertFalse(actions(i, Capability.H2).transaction());
    UpdateNode u = new UpdateNode(new Source.Model("User"), eq(user(ID), i64(1)),
        List.of(new Assignment(NAME, str("b"))), Returning.Model.plain());
    assertTrue(actions(u, NO_RETURNING).transaction());
    assertFalse(actions(u, Capability.DYNAMODB).transaction());
  }

  @Test
  void emptyPlanNeedsNoConnection() {
    ActionPlan p = actions(users(ExprNode.FALSE), Capability.H2);
    assertFalse(p.needsConnection());
  }
}
