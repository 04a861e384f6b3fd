package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyInListTest {
  private final SimplifyInList rule = new SimplifyInList();

  @Test
  void emptyListIsFalse() {
    assertEquals(Expr.FALSE, apply(rule, new Expr.InList(user(ID), List.of())));
  }

  @Test
  void emptyListOnNullableIsUnknownForNull() {
    Expr e = new Expr.InList(user(NICKNAME), List.of());
    assertEquals(cmp(Expr.CompareOp.NE, user(NICKNAME), user(NICKNAME)), apply(rule, e));
    assertEquals(Expr.FALSE, Simplify.filter(e, io.toasty.planner.Fixtures.SCHEMA));
  }

  @Test
  void singleItemIsEquality() {
    assertEquals(eq(user(ID), arg(0)), apply(rule, new Expr.InList(user(ID), List.of(arg(0)))));
  }

  @Test
  void longerListsStay() {
    assertNull(apply(rule, new Expr.InList(user(ID), List.of(arg(0), arg(1)))));
  }
}
