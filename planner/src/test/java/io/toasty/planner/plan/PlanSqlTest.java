package io.toasty.planner.plan;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.planner.plan.node.Const;
import io.toasty.planner.plan.node.ExecStatement;
import io.toasty.planner.plan.node.KeyBinding;
import io.toasty.planner.plan.node.Mir;
import io.toasty.planner.plan.node.Output;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.InsertNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanSqlTest {
  static final Capability ROW_BY_ROW = new Capability("sql-single-row", true, true, true, true,
      true, true, true, true, true, false, 64);
  static final Capability NO_RETURNING = new Capability("sql-no-returning", true, false, true,
      false, true, true, true, true, true, true, 64);

  @Test
  void queryIsOneStatementWithRowType() {
    Mir mir = Plans.mir(users(eq(user(EMAIL), str("a@x"))), Capability.H2);
    assertEquals("ExecStatement", Plans.kinds(mir));
    ExecStatement s = (ExecStatement) mir.nodes().get(0);
    assertEquals(List.of(Type.Scalar.I64, Type.Scalar.STRING, Type.Scalar.STRING,
        Type.Scalar.STRING, Type.Scalar.I32, STATUS_TYPE), s.rowType());
    assertTrue(((Output.Rows) mir.output()).lift().isPlain());
  }

  @Test
  void orOnSqlStaysInOneStatement() {
    Mir mir = Plans.mir(users(ExprNode.or(eq(user(NAME), str("a")), eq(user(NAME), str("b")))),
        Capability.H2);
    assertEquals("ExecStatement", Plans.kinds(mir));
  }

  @Test
  void emptyFilterPlansNoOperation() {
    Mir mir =
        Plans.mir(
            users(ExprNode.and(eq(user(NAME), str("a")), eq(user(NICKNAME), ExprNode.NULL))),
            Capability.H2);
    assertEquals("Const", Plans.kinds(mir));
    assertEquals(Const.empty(), mir.nodes().get(0));
  }

  @Test
  void insertRowByRowWithoutMultiRowInsert() {
    ExprNode.Record row = ExprNode.Record.of(new ExprNode.Default(), str("t"), ExprNode.TRUE);
    InsertNode i = new InsertNode(new Source.Model("Todo"), List.of(), List.of(row, row, row),
        Returning.Model.plain());
    assertEquals("ExecStatement", Plans.kinds(Plans.mir(i, Capability.H2)));
    assertEquals("ExecStatement, ExecStatement, ExecStatement, Concat",
        Plans.kinds(Plans.mir(i, ROW_BY_ROW)));
  }

  @Test
  void updateReturningWithoutReturningReselectsByKey() {
    UpdateNode u = new UpdateNode(new Source.Model("User"), eq(user(NAME), str("a")),
        List.of(new Assignment(NAME, str("b"))), Returning.Model.plain());
    Mir mir = Plans.mir(u, NO_RETURNING);
    assertEquals("ExecStatement, ExecStatement, ExecStatement", Plans.kinds(mir));
    ExecStatement reselect = (ExecStatement) mir.nodes().get(2);
    assertEquals(new KeyBinding(0, "users", List.of(0)), reselect.keys());
    assertEquals(List.of(1), reselect.after());
  }
}
