package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyContradictionTest {
  private final SimplifyContradiction rule = new SimplifyContradiction();

  @Test
  void isNullAndNotIsNull() {
    ExprNode n = new ExprNode.IsNull(user(NICKNAME));
    assertEquals(
        ExprNode.FALSE, apply(rule, new ExprNode.And(List.of(n, eq(user(ID), arg(0)), not(n)))));
  }

  @Test
  void comparisonAndItsNegationOnNonNullables() {
    assertEquals(ExprNode.FALSE, apply(rule, new ExprNode.And(List.of(eq(user(NAME), arg(0)),
        cmp(CompareOp.NE, user(NAME), arg(0))))));
  }

  @Test
  void nullableTermsAreLeftAlone() {
    // nickname = $0 AND nickname <> $0 is NULL, not FALSE, for a NULL nickname.
    assertNull(apply(rule, new ExprNode.And(List.of(eq(user(NICKNAME), arg(0)),
        cmp(CompareOp.NE, user(NICKNAME), arg(0))))));
  }

  @Test
  void tautologyIsTrue() {
    ExprNode n = new ExprNode.IsNull(user(NICKNAME));
    assertEquals(
        ExprNode.TRUE, new SimplifyTautology().apply(new ExprNode.Or(List.of(n, not(n))), CX));
  }
}
