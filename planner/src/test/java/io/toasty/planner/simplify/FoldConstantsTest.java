package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.Expr;
import org.junit.jupiter.api.Test;

class FoldConstantsTest {
  private final FoldConstants rule = new FoldConstants();

  @Test
  void foldsComparisonsOfLiterals() {
    assertEquals(Expr.FALSE, apply(rule, eq(Expr.TRUE, Expr.FALSE)));
    assertEquals(Expr.TRUE, apply(rule, eq(i64(1), i64(1))));
    assertEquals(Expr.NULL, apply(rule, eq(Expr.NULL, Expr.TRUE)));
  }

  @Test
  void foldsNotAndIsNull() {
    assertEquals(Expr.FALSE, apply(rule, not(Expr.TRUE)));
    assertEquals(Expr.NULL, apply(rule, not(Expr.NULL)));
    assertEquals(Expr.TRUE, apply(rule, new Expr.IsNull(Expr.NULL)));
  }

  @Test
  void leavesNonLiteralsAndIncomparables() {
    assertNull(apply(rule, eq(user(NAME), arg(0))));
    assertNull(apply(rule, eq(str("a"), i64(1))));
  }
}
