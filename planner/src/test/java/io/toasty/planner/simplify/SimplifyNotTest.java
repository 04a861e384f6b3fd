package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyNotTest {
  private final SimplifyNot rule = new SimplifyNot();

  @Test
  void doubleNegationCancels() {
    ExprNode p = new ExprNode.IsNull(user(NICKNAME));
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
    ExprNode notIn = not(new ExprNode.InList(user(NICKNAME), List.of()));
    assertNull(apply(rule, notIn));
    assertEquals(not(new ExprNode.IsNull(user(NICKNAME))), Simplify.filter(notIn, SCHEMA));
    assertEquals(
        ExprNode.TRUE, Simplify.filter(not(new ExprNode.InList(user(NAME), List.of())), SCHEMA));
  }
}
