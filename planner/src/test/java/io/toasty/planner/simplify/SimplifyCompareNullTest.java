package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.Expr;
import org.junit.jupiter.api.Test;

class SimplifyCompareNullTest {
  private final SimplifyCompareNull rule = new SimplifyCompareNull();

  @Test
  void comparisonWithNullIsUnknown() {
    assertEquals(Expr.NULL, apply(rule, eq(user(NICKNAME), Expr.NULL)));
    assertEquals(Expr.NULL, apply(rule, eq(Expr.NULL, user(NAME))));
  }

  @Test
  void inAFilterItMatchesNothing() {
    assertEquals(Expr.FALSE, Simplify.filter(eq(user(NICKNAME), Expr.NULL), SCHEMA));
    assertEquals(Expr.FALSE, Simplify.filter(Expr.and(eq(user(NAME), arg(0)),
        eq(user(NICKNAME), Expr.NULL)), SCHEMA));
  }

  @Test
  void underNotItStaysUnknown() {
    // NOT (x = NULL) matches no row either: it must not become NOT FALSE = TRUE.
    assertEquals(Expr.FALSE, Simplify.filter(not(eq(user(NICKNAME), Expr.NULL)), SCHEMA));
  }
}
