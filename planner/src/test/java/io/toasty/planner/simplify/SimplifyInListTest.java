package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.planner.Fixtures;
import io.toasty.stmt.ExprNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyInListTest {
  private final SimplifyInList rule = new SimplifyInList();

  @Test
  void emptyListIsFalse() {
    assertEquals(ExprNode.FALSE, apply(rule, new ExprNode.InList(user(ID), List.of())));
  }

  @Test
  void emptyListOnNullableIsUnknownForNull() {
    ExprNode e = new ExprNode.InList(user(NICKNAME), List.of());
    assertEquals(cmp(ExprNode.CompareOp.NE, user(NICKNAME), user(NICKNAME)), apply(rule, e));
    assertEquals(ExprNode.FALSE, Simplify.filter(e, io.toasty.planner.Fixtures.SCHEMA));
  }

  @Test
  void singleItemIsEquality() {
    assertEquals(eq(user(ID), arg(0)), apply(rule, new ExprNode.InList(user(ID), List.of(arg(0)))));
  }

  @Test
  void longerListsStay() {
    assertNull(apply(rule, new ExprNode.InList(user(ID), List.of(arg(0), arg(1)))));
  }
}
