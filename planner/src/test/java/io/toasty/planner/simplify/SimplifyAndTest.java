package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyAndTest {
  private final SimplifyAnd rule = new SimplifyAnd();
  private final Expr a = eq(user(NAME), arg(0));
  private final Expr b = eq(user(EMAIL), arg(1));

  @Test
  void flattensNestedAnd() {
    Expr nested = new Expr.And(List.of(a, new Expr.And(List.of(b, Expr.TRUE))));
    assertEquals(new Expr.And(List.of(a, b)), apply(rule, nested));
  }

  @Test
  void dropsTrue() {
    assertEquals(a, apply(rule, new Expr.And(List.of(Expr.TRUE, a))));
  }

  @Test
  void falseAbsorbs() {
    assertEquals(Expr.FALSE, apply(rule, new Expr.And(List.of(a, Expr.FALSE, b))));
  }

  @Test
  void emptyIsTrueAndDuplicatesGo() {
    assertEquals(Expr.TRUE, apply(rule, new Expr.And(List.of())));
    assertEquals(a, apply(rule, new Expr.And(List.of(a, a))));
  }

  @Test
  void leavesOthersAlone() {
    assertNull(apply(rule, new Expr.And(List.of(a, b))));
    assertNull(apply(rule, a));
  }
}
