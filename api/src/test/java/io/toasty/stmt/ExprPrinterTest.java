package io.toasty.stmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExprPrinterTest {
  private static final Expr A = new Expr.Compare(Expr.CompareOp.EQ, new Expr.Field("M", 0),
      Expr.of(new Value.Str("x")));
  private static final Expr B = new Expr.Compare(Expr.CompareOp.GT, new Expr.Field("M", 1),
      Expr.of(new Value.I64(7)));

  @Test
  void outermostConnectiveHasNoParentheses() {
    assertEquals("M.#0 = \"x\" AND M.#1 > 7", ExprPrinter.print(new Expr.And(List.of(A, B))));
  }

  @Test
  void nestedConnectivesAreParenthesized() {
    Expr e = new Expr.Or(List.of(new Expr.And(List.of(A, B)), new Expr.IsNull(new Expr.Field("M", 2))));
    assertEquals("(M.#0 = \"x\" AND M.#1 > 7) OR M.#2 IS NULL", ExprPrinter.print(e));
  }

  @Test
  void emptyConnectivesPrintTheirIdentity() {
    assertEquals("TRUE", ExprPrinter.print(new Expr.And(List.of())));
    assertEquals("NOT FALSE", ExprPrinter.print(new Expr.Not(new Expr.Or(List.of()))));
  }
}
