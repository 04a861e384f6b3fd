package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.ExprNode;
import org.junit.jupiter.api.Test;

class SimplifyIsNullTest {
  private final SimplifyIsNull rule = new SimplifyIsNull();

  @Test
  void nonNullableFieldIsNeverNull() {
    assertEquals(ExprNode.FALSE, apply(rule, new ExprNode.IsNull(user(NAME))));
  }

  @Test
  void argumentIsNeverNull() {
    assertEquals(ExprNode.FALSE, apply(rule, new ExprNode.IsNull(arg(0))));
  }

  @Test
  void nullableFieldStays() {
    assertNull(apply(rule, new ExprNode.IsNull(user(NICKNAME))));
  }
}
