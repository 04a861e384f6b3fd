package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyOrTest {
  private final SimplifyOr rule = new SimplifyOr();
  private final Expr a = eq(user(NAME), arg(0));
  private final Expr b = eq(user(NAME), arg(1));

  @Test
  void flattensAndDropsFalse() {
    Expr nested = new Expr.Or(List.of(a, new Expr.Or(List.of(Expr.FALSE, b))));
    assertEquals(new Expr.Or(List.of(a, b)), apply(rule, nested));
  }

  @Test
  void trueAbsorbs() {
    assertEquals(Expr.TRUE, apply(rule, new Expr.Or(List.of(a, Expr.TRUE))));
  }

  @Test
  void emptyIsFalseSingleIsItself() {
    assertEquals(Expr.FALSE, apply(rule, new Expr.Or(List.of())));
    assertEquals(a, apply(rule, new Expr.Or(List.of(Expr.FALSE, a))));
  }
}
