package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.ExprNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyAndTest {
  private final SimplifyAnd rule = new SimplifyAnd();
  private final ExprNode a = eq(user(NAME), arg(0));
  private final ExprNode b = eq(user(EMAIL), arg(1));

  @Test
  void flattensNestedAnd() {
    ExprNode nested = new ExprNode.And(List.of(a, new ExprNode.And(List.of(b, ExprNode.TRUE))));
    assertEquals(new ExprNode.And(List.of(a, b)), apply(rule, nested));
  }

  @Test
  void dropsTrue() {
    assertEquals(a, apply(rule, new ExprNode.And(List.of(ExprNode.TRUE, a))));
  }

  @Test
  void falseAbsorbs() {
    assertEquals(ExprNode.FALSE, apply(rule, new ExprNode.And(List.of(a, ExprNode.FALSE, b))));
  }

  @Test
  void emptyIsTrueAndDuplicatesGo() {
    assertEquals(ExprNode.TRUE, apply(rule, new ExprNode.And(List.of())));
    assertEquals(a, apply(rule, new ExprNode.And(List.of(a, a))));
  }

  @Test
  void leavesOthersAlone() {
    assertNull(apply(rule, new ExprNode.And(List.of(a, b))));
    assertNull(apply(rule, a));
  }
}
