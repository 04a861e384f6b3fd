package io.toasty.stmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExprPrinterTest {
  private static final ExprNode A =
      new ExprNode.Compare(
          ExprNode.CompareOp.EQ, new ExprNode.Field("M", 0), ExprNode.of(new Value.Str("x")));
  private static final ExprNode B =
      new ExprNode.Compare(
          ExprNode.CompareOp.GT, new ExprNode.Field("M", 1), ExprNode.of(new Value.I64(7)));

  @Test
  void outermostConnectiveHasNoParentheses() {
    assertEquals("M.#0 = \"x\" AND M.#1 > 7", ExprPrinter.print(new ExprNode.And(List.of(A, B))));
  }

  @Test
  void nestedConnectivesAreParenthesized() {
    ExprNode e =
        new ExprNode.Or(
            List.of(
                new ExprNode.And(List.of(A, B)), new ExprNode.IsNull(new ExprNode.Field("M", 2))));
    assertEquals("(M.#0 = \"x\" AND M.#1 > 7) OR M.#2 IS NULL", ExprPrinter.print(e));
  }

  @Test
  void emptyConnectivesPrintTheirIdentity() {
    assertEquals("TRUE", ExprPrinter.print(new ExprNode.And(List.of())));
    assertEquals("NOT FALSE", ExprPrinter.print(new ExprNode.Not(new ExprNode.Or(List.of()))));
  }
}
