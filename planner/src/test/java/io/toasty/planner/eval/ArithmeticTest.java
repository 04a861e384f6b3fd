package io.toasty.planner.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.DivisionByZeroException;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's arithmetic: SQL's rules, a division by zero an error as the databases raise it. */
class ArithmeticTest {

  private static Value eval(ExprNode.ArithOp op, Value l, Value r) {
    return Eval.eval(
        new ExprNode.Arith(op, new ExprNode.Const(l), new ExprNode.Const(r)), List.of(), null);
  }

  @Test
  void aDivisionOrRemainderByZeroIsATypedErrorOfEveryKind() {
    for (ExprNode.ArithOp op : List.of(ExprNode.ArithOp.DIV, ExprNode.ArithOp.MOD)) {
      for (Value zero : List.of(new Value.I32(0), new Value.I64(0), new Value.F64(0.0),
          new Value.F64(-0.0), new Value.Decimal(BigDecimal.ZERO))) {
        DivisionByZeroException e = assertThrows(DivisionByZeroException.class,
            () -> eval(op, new Value.I64(7), zero));
        assertEquals("22012", e.sqlState());
        assertTrue(e.getMessage().contains("7 " + op.symbol()), e.getMessage());
      }
    }
  }

  @Test
  void aNullOperandIsNullNotAnError() {
    assertEquals(Value.NULL, eval(ExprNode.ArithOp.DIV, Value.NULL, new Value.I64(0)));
    assertEquals(Value.NULL, eval(ExprNode.ArithOp.MOD, new Value.I64(1), Value.NULL));
    assertEquals(
        new Value.I64(-2), eval(ExprNode.ArithOp.DIV, new Value.I64(-5), new Value.I64(2)));
  }
}
