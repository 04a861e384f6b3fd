package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.ExprNode;
import org.junit.jupiter.api.Test;

class FoldConstantsTest {
  private final FoldConstants rule = new FoldConstants();

  @Test
  void foldsComparisonsOfLiterals() {
    assertEquals(ExprNode.FALSE, apply(rule, eq(ExprNode.TRUE, ExprNode.FALSE)));
    assertEquals(ExprNode.TRUE, apply(rule, eq(i64(1), i64(1))));
    assertEquals(ExprNode.NULL, apply(rule, eq(ExprNode.NULL, ExprNode.TRUE)));
  }

  @Test
  void foldsNotAndIsNull() {
    assertEquals(ExprNode.FALSE, apply(rule, not(ExprNode.TRUE)));
    assertEquals(ExprNode.NULL, apply(rule, not(ExprNode.NULL)));
    assertEquals(ExprNode.TRUE, apply(rule, new ExprNode.IsNull(ExprNode.NULL)));
  }

  @Test
  void leavesNonLiteralsAndIncomparables() {
    assertNull(apply(rule, eq(user(NAME), arg(0))));
    assertNull(apply(rule, eq(str("a"), i64(1))));
  }
}
