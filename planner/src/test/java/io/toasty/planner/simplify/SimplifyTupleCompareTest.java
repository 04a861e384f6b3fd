package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.Expr;
import io.toasty.stmt.Expr.CompareOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyTupleCompareTest {
  private final SimplifyTupleCompare rule = new SimplifyTupleCompare();

  @Test
  void equalityDecomposes() {
    Expr e = eq(Expr.Record.of(user(ID), user(NAME)), Expr.Record.of(arg(0), arg(1)));
    assertEquals(new Expr.And(List.of(eq(user(ID), arg(0)), eq(user(NAME), arg(1)))),
        apply(rule, e));
  }

  @Test
  void inequalityDecomposesToOr() {
    Expr e = cmp(CompareOp.NE, Expr.Record.of(user(ID), user(NAME)),
        Expr.Record.of(arg(0), arg(1)));
    assertEquals(new Expr.Or(List.of(cmp(CompareOp.NE, user(ID), arg(0)),
        cmp(CompareOp.NE, user(NAME), arg(1)))), apply(rule, e));
  }

  @Test
  void orderingComparisonsStay() {
    assertNull(apply(rule, cmp(CompareOp.LT, Expr.Record.of(user(ID)), Expr.Record.of(arg(0)))));
  }
}
