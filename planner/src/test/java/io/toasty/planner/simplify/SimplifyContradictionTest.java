package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.Expr;
import io.toasty.stmt.Expr.CompareOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyContradictionTest {
  private final SimplifyContradiction rule = new SimplifyContradiction();

  @Test
  void isNullAndNotIsNull() {
    Expr n = new Expr.IsNull(user(NICKNAME));
    assertEquals(Expr.FALSE, apply(rule, new Expr.And(List.of(n, eq(user(ID), arg(0)), not(n)))));
  }

  @Test
  void comparisonAndItsNegationOnNonNullables() {
    assertEquals(Expr.FALSE, apply(rule, new Expr.And(List.of(eq(user(NAME), arg(0)),
        cmp(CompareOp.NE, user(NAME), arg(0))))));
  }

  @Test
  void nullableTermsAreLeftAlone() {
    // nickname = $0 AND nickname <> $0 is NULL, not FALSE, for a NULL nickname.
    assertNull(apply(rule, new Expr.And(List.of(eq(user(NICKNAME), arg(0)),
        cmp(CompareOp.NE, user(NICKNAME), arg(0))))));
  }

  @Test
  void tautologyIsTrue() {
    Expr n = new Expr.IsNull(user(NICKNAME));
    assertEquals(Expr.TRUE, new SimplifyTautology().apply(new Expr.Or(List.of(n, not(n))), CX));
  }
}
