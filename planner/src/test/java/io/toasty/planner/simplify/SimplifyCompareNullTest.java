package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.ExprNode;
import org.junit.jupiter.api.Test;

class SimplifyCompareNullTest {
  private final SimplifyCompareNull rule = new SimplifyCompareNull();

  @Test
  void comparisonWithNullIsUnknown() {
    assertEquals(ExprNode.NULL, apply(rule, eq(user(NICKNAME), ExprNode.NULL)));
    assertEquals(ExprNode.NULL, apply(rule, eq(ExprNode.NULL, user(NAME))));
  }

  @Test
  void inAFilterItMatchesNothing() {
    assertEquals(ExprNode.FALSE, Simplify.filter(eq(user(NICKNAME), ExprNode.NULL), SCHEMA));
    assertEquals(ExprNode.FALSE, Simplify.filter(ExprNode.and(eq(user(NAME), arg(0)),
        eq(user(NICKNAME), ExprNode.NULL)), SCHEMA));
  }

  @Test
  void underNotItStaysUnknown() {
    // NOT (x = NULL) matches no row either: it must not become NOT FALSE = TRUE.
    assertEquals(ExprNode.FALSE, Simplify.filter(not(eq(user(NICKNAME), ExprNode.NULL)), SCHEMA));
  }
}
