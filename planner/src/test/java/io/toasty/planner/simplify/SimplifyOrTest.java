package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static io.toasty.planner.simplify.RuleTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.stmt.ExprNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplifyOrTest {
  private final SimplifyOr rule = new SimplifyOr();
  private final ExprNode a = eq(user(NAME), arg(0));
  private final ExprNode b = eq(user(NAME), arg(1));

  @Test
  void flattensAndDropsFalse() {
    ExprNode nested = new ExprNode.Or(List.of(a, new ExprNode.Or(List.of(ExprNode.FALSE, b))));
    assertEquals(new ExprNode.Or(List.of(a, b)), apply(rule, nested));
  }

  @Test
  void trueAbsorbs() {
    assertEquals(ExprNode.TRUE, apply(rule, new ExprNode.Or(List.of(a, ExprNode.TRUE))));
  }

  @Test
  void emptyIsFalseSingleIsItself() {
    assertEquals(ExprNode.FALSE, apply(rule, new ExprNode.Or(List.of())));
    assertEquals(a, apply(rule, new ExprNode.Or(List.of(ExprNode.FALSE, a))));
  }
}
