package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.ExprNode;
import org.junit.jupiter.api.Test;

class SimplifyIsNotDistinctFromTest {
  private final SimplifyIsNotDistinctFrom rule = new SimplifyIsNotDistinctFrom();

  @Test
  void againstNullIsIsNull() {
    assertEquals(new ExprNode.IsNull(user(NICKNAME)),
        apply(rule, new ExprNode.IsNotDistinctFrom(user(NICKNAME), ExprNode.NULL)));
    assertEquals(new ExprNode.IsNull(user(NICKNAME)),
        apply(rule, new ExprNode.IsNotDistinctFrom(ExprNode.NULL, user(NICKNAME))));
  }

  @Test
  void betweenNonNullableSidesIsEquality() {
    assertEquals(eq(user(NAME), arg(0)),
        apply(rule, new ExprNode.IsNotDistinctFrom(user(NAME), arg(0))));
  }

  @Test
  void aNullableSideAgainstAnArgumentStays() {
    // For a NULL nickname, "nickname = $0" is unknown but this is false: NOT tells them apart.
    assertNull(apply(rule, new ExprNode.IsNotDistinctFrom(user(NICKNAME), arg(0))));
  }

  @Test
  void betweenTwoNullableFieldsStays() {
    assertNull(apply(rule, new ExprNode.IsNotDistinctFrom(user(NICKNAME), user(NICKNAME))));
  }
}
