package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyTupleCompareTest {
  private final SimplifyTupleCompare rule = new SimplifyTupleCompare();

  @Test
  void equalityDecomposes() {
    ExprNode e = eq(ExprNode.Record.of(user(ID), user(NAME)), ExprNode.Record.of(arg(0), arg(1)));
    assertEquals(new ExprNode.And(List.of(eq(user(ID), arg(0)), eq(user(NAME), arg(1)))),
        apply(rule, e));
  }

  @Test
  void inequalityDecomposesToOr() {
    ExprNode e = cmp(CompareOp.NE, ExprNode.Record.of(user(ID), user(NAME)),
        ExprNode.Record.of(arg(0), arg(1)));
    assertEquals(new ExprNode.Or(List.of(cmp(CompareOp.NE, user(ID), arg(0)),
        cmp(CompareOp.NE, user(NAME), arg(1)))), apply(rule, e));
  }

  @Test
  void orderingComparisonsStay() {
    assertNull(
        apply(rule, cmp(CompareOp.LT, ExprNode.Record.of(user(ID)), ExprNode.Record.of(arg(0)))));
  }
}
