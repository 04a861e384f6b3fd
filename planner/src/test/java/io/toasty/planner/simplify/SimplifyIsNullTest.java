package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.Expr;
import org.junit.jupiter.api.Test;

class SimplifyIsNullTest {
  private final SimplifyIsNull rule = new SimplifyIsNull();

  @Test
  void nonNullableFieldIsNeverNull() {
    assertEquals(Expr.FALSE, apply(rule, new Expr.IsNull(user(NAME))));
  }

  @Test
  void argumentIsNeverNull() {
    assertEquals(Expr.FALSE, apply(rule, new Expr.IsNull(arg(0))));
  }

  @Test
  void nullableFieldStays() {
    assertNull(apply(rule, new Expr.IsNull(user(NICKNAME))));
  }
}
