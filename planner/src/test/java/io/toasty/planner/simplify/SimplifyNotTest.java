package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.Expr;
import io.toasty.stmt.Expr.CompareOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyNotTest {
  private final SimplifyNot rule = new SimplifyNot();

  @Test
  void doubleNegationCancels() {
    Expr p = new Expr.IsNull(user(NICKNAME));
    assertEquals(p, apply(rule, not(not(p))));
  }

  @Test
  void negatedComparisonFlipsOperator() {
    assertEquals(cmp(CompareOp.NE, user(NAME), arg(0)), apply(rule, not(eq(user(NAME), arg(0)))));
    assertEquals(cmp(CompareOp.GE, user(ID), arg(0)),
        apply(rule, not(cmp(CompareOp.LT, user(ID), arg(0)))));
  }

  @Test
  void emptyNotInMatchesNonNull() {
    Expr notIn = not(new Expr.InList(user(NICKNAME), List.of()));
    assertNull(apply(rule, notIn));
    assertEquals(not(new Expr.IsNull(user(NICKNAME))), Simplify.filter(notIn, SCHEMA));
    assertEquals(Expr.TRUE, Simplify.filter(not(new Expr.InList(user(NAME), List.of())), SCHEMA));
  }
}
