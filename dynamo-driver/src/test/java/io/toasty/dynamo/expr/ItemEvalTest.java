package io.toasty.dynamo.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.dynamo.models.Samples;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import io.toasty.error.DivisionByZeroException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.schema.Schema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.ArithOp;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Update values DynamoDB's {@code SET} cannot compute, computed from the item as read with SQL's
 * rules, and which assignments need that ({@link UpdateWriter#computes()}).
 */
class ItemEvalTest {
  static final TableInfo T = new Tables(Schema.of(List.of(Samples.MODEL.schema())), "p_")
      .get("samples");
  static final int B = 2;
  static final int I = 4;
  static final int L = 5;
  static final int D = 7;
  static final int TEXT = 8;
  static final int DEC = 10;

  static ExprNode col(int c) {
    return new ExprNode.Column("samples", c);
  }

  static ExprNode num(long n) {
    return new ExprNode.Const(new Value.I32((int) n));
  }

  static ExprNode arith(ArithOp op, ExprNode l, ExprNode r) {
    return new ExprNode.Arith(op, l, r);
  }

  static AttributeValue assign(int target, ExprNode e, Map<String, AttributeValue> item) {
    return ItemEval.assign(T, target, e, List.of(), item);
  }

  static Map<String, AttributeValue> item(int c, AttributeValue v) {
    return Map.of(T.attribute(c), v);
  }

  @Test
  void integerDivisionTruncatesTowardZeroAndARemainderTakesTheDividendSign() {
    Map<String, AttributeValue> item = item(I, AttributeValue.fromN("-7"));
    assertEquals("-3", assign(I, arith(ArithOp.DIV, col(I), num(2)), item).n());
    assertEquals("-1", assign(I, arith(ArithOp.MOD, col(I), num(2)), item).n());
    assertEquals("-20", assign(I, arith(ArithOp.SUB, arith(ArithOp.MUL, col(I), num(3)),
        num(-1)), item).n());
    DivisionByZeroException e = assertThrows(DivisionByZeroException.class,
        () -> assign(I, arith(ArithOp.DIV, col(I), num(0)), item));
    assertEquals(Optional.of(Samples.MODEL.name()), e.model());
    assertThrows(DivisionByZeroException.class,
        () -> assign(I, arith(ArithOp.MOD, col(I), num(0)), item));
    assertNull(assign(I, arith(ArithOp.DIV, col(I), num(0)), Map.of()), "NULL / 0 is NULL");
  }

  @Test
  void nullInNullOut() {
    assertNull(assign(I, arith(ArithOp.MUL, col(I), num(2)), Map.of()));
    assertNull(assign(I, arith(ArithOp.ADD, col(I), new ExprNode.Const(Value.NULL)),
        item(I, AttributeValue.fromN("1"))));
  }

  @Test
  void aResultBeyondTheFieldsRangeNamesModelAndFieldAndIsNotRoundedIntoIt() {
    ValueOutOfRangeException e = assertThrows(ValueOutOfRangeException.class,
        () -> assign(B, arith(ArithOp.MUL, col(B), num(2)), item(B, AttributeValue.fromN("100"))));
    assertEquals(Optional.of("Sample"), e.model());
    assertEquals(Optional.of("b"), e.field());
    assertTrue(e.getMessage().contains("200"), e.getMessage());
    // no 64-bit wrap-around in between: only the value stored is bounded
    assertEquals("2305843009213693952", assign(L, arith(ArithOp.DIV,
        arith(ArithOp.MUL, col(L), num(4)), num(8)),
        item(L, AttributeValue.fromN(Long.toString(Long.MAX_VALUE / 2 + 1)))).n());
    assertThrows(ValueOutOfRangeException.class, () -> assign(L, arith(ArithOp.MUL, col(L),
        num(2)), item(L, AttributeValue.fromN(Long.toString(Long.MAX_VALUE)))));
  }

  @Test
  void aFloatPastItsRangeInsideTheExpressionLeavesTheWholeOutOfRange() {
    // 1e300 * 1e300 is past a double's range; the sum around it is then no number either
    ValueOutOfRangeException e = assertThrows(ValueOutOfRangeException.class, () -> assign(D,
        arith(ArithOp.ADD, arith(ArithOp.MUL, col(D), col(D)), num(1)),
        item(D, AttributeValue.fromN("1E+300"))));
    assertEquals(Optional.of("Sample"), e.model());
  }

  @Test
  void floatsAndDecimalsKeepTheirKind() {
    assertEquals("0.30000000000000004", assign(D, arith(ArithOp.MUL, col(D), num(3)),
        item(D, AttributeValue.fromN("0.1"))).n());
    assertEquals("3.3", assign(DEC, arith(ArithOp.MUL, col(DEC), num(3)),
        item(DEC, AttributeValue.fromN("1.10"))).n());
    assertEquals("0.5", assign(DEC, arith(ArithOp.DIV, col(DEC), num(4)),
        item(DEC, AttributeValue.fromN("2"))).n());
  }

  @Test
  void textFunctions() {
    Map<String, AttributeValue> item = item(TEXT, AttributeValue.fromS("Ab\uD83D\uDE00"));
    assertEquals("AB\uD83D\uDE00", assign(TEXT, new ExprNode.Func(ExprNode.FuncOp.UPPER, col(TEXT)),
        item).s());
    assertEquals("3", assign(I, new ExprNode.Func(ExprNode.FuncOp.LENGTH, col(TEXT)), item).n());
  }

  @Test
  void setComputesOneSumOfTheFieldItselfAndTheDriverTheRest() {
    assertFalse(writer(I, arith(ArithOp.ADD, col(I), num(1))).computes(), "SET #i = #i + :v");
    assertFalse(writer(D, arith(ArithOp.ADD, col(D), col(D))).computes(),
        "a float needs no range guard");
    UpdateWriter product = writer(I, arith(ArithOp.MUL, col(I), num(2)));
    assertTrue(product.computes());
    assertEquals(Set.of(I), product.reads());
    UpdateWriter twoFields = writer(I, arith(ArithOp.ADD, col(L), col(I)));
    assertTrue(twoFields.computes(), "no BETWEEN bounds a sum of two fields");
    assertEquals(Set.of(L, I), twoFields.reads());
    assertTrue(writer(TEXT, new ExprNode.Func(ExprNode.FuncOp.LOWER, col(TEXT))).computes());
  }

  @Test
  void aComputedExpressionWritesTheValueComputedFromTheItemAsRead() {
    UpdateWriter w = writer(I, arith(ArithOp.MUL, col(I), num(2)));
    Placeholders ph = new Placeholders();
    String ue = w.expression(ph, item(I, AttributeValue.fromN("21")));
    assertEquals("SET #n0 = :v0", ue);
    assertEquals(AttributeValue.fromN("42"), ph.values(ue).get(":v0"));
    assertThrows(IllegalStateException.class, () -> w.expression(new Placeholders()));
  }

  static UpdateWriter writer(int target, ExprNode e) {
    return new UpdateWriter(T, List.of(new Assignment(target, e)), List.of());
  }
}
