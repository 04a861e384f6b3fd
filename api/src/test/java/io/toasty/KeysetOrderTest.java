package io.toasty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.internal.KeysetOrder;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.OrderBy.Direction;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key a page walks and the condition "after the cursor" it sends. */
class KeysetOrderTest {
  // f0: I64 key, f1: STRING, f2: STRING nullable (the last field of the test model is nullable)
  private final ModelSchema m = CursorCodecTest.model("M", List.of(Type.Scalar.I64,
      Type.Scalar.STRING, Type.Scalar.STRING));
  private final ExprNode f0 = new ExprNode.Field("M", 0);
  private final ExprNode f1 = new ExprNode.Field("M", 1);
  private final ExprNode f2 = new ExprNode.Field("M", 2);

  private KeysetOrder of(ExprNode filter, OrderBy... terms) {
    return KeysetOrder.of(m, new Query(new Source.Model("M"), filter, Returning.Model.plain(),
        List.of(terms), null));
  }

  private static ExprNode.Const c(Value v) {
    return new ExprNode.Const(v);
  }

  @Test
  void thePrimaryKeyEndsTheOrderUnlessTheFilterFixesIt() {
    assertEquals(List.of(new OrderBy(f1, Direction.DESC), new OrderBy(f0, Direction.ASC)),
        of(ExprNode.TRUE, new OrderBy(f1, Direction.DESC)).orderBy());
    assertEquals(
        List.of(new OrderBy(f1, Direction.DESC)),
        of(
                new ExprNode.Compare(ExprNode.CompareOp.EQ, f0, c(new Value.I64(3))),
                new OrderBy(f1, Direction.DESC))
            .orderBy());
  }

  @Test
  void aNullableFieldIsOrderedNullsLowExplicitly() {
    assertEquals(List.of(new OrderBy(new ExprNode.IsNull(f2), Direction.DESC),
        new OrderBy(f2, Direction.ASC), new OrderBy(f0, Direction.ASC)),
        of(ExprNode.TRUE, new OrderBy(f2, Direction.ASC)).orderBy());
    assertEquals(List.of(new OrderBy(new ExprNode.IsNull(f2), Direction.DESC),
        new OrderBy(f2, Direction.ASC), new OrderBy(f0, Direction.DESC)),
        of(ExprNode.TRUE, new OrderBy(f2, Direction.DESC)).reversed().orderBy());
  }

  @Test
  void oneDirectionOverRequiredFieldsIsARowValueComparison() {
    Value[] key = {new Value.Str("b"), new Value.I64(7)};
    // the first field's range stated alone too: a key-value read's key condition
    assertEquals(
        new ExprNode.And(
            List.of(
                new ExprNode.Compare(ExprNode.CompareOp.LE, f1, c(key[0])),
                new ExprNode.Compare(
                    ExprNode.CompareOp.LT,
                    ExprNode.Record.of(f1, f0),
                    ExprNode.Record.of(c(key[0]), c(key[1]))))),
        of(ExprNode.TRUE, new OrderBy(f1, Direction.DESC), new OrderBy(f0, Direction.DESC))
            .after(key, false));
    assertEquals(new ExprNode.Compare(ExprNode.CompareOp.GE, f0, c(new Value.I64(7))),
        of(ExprNode.TRUE).after(new Value[] {new Value.I64(7)}, true));
  }

  @Test
  void aChainOverARequiredFirstFieldStatesItsRange() {
    Value[] key = {new Value.Str("b"), new Value.I64(7)};
    assertEquals(
        new ExprNode.And(
            List.of(
                new ExprNode.Compare(ExprNode.CompareOp.LE, f1, c(key[0])),
                new ExprNode.Or(
                    List.of(
                        new ExprNode.Compare(ExprNode.CompareOp.LT, f1, c(key[0])),
                        new ExprNode.And(
                            List.of(
                                new ExprNode.Compare(ExprNode.CompareOp.EQ, f1, c(key[0])),
                                new ExprNode.Compare(ExprNode.CompareOp.GT, f0, c(key[1])))))))),
        of(ExprNode.TRUE, new OrderBy(f1, Direction.DESC)).after(key, false));
  }

  /**
   * Walked backwards (a {@code previous()} page) the bound turns with the first field's
   * direction; it is inclusive either way, the chain deciding the ties.
   */
  @Test
  void theStatedRangeFollowsTheWalksDirection() {
    Value[] key = {new Value.Str("b"), new Value.I64(7)};
    KeysetOrder back = of(ExprNode.TRUE, new OrderBy(f1, Direction.DESC)).reversed();
    ExprNode ge = new ExprNode.Compare(ExprNode.CompareOp.GE, f1, c(key[0]));
    ExprNode eq = new ExprNode.Compare(ExprNode.CompareOp.EQ, f1, c(key[0]));
    assertEquals(
        new ExprNode.And(
            List.of(
                ge,
                new ExprNode.Or(
                    List.of(
                        new ExprNode.Compare(ExprNode.CompareOp.GT, f1, c(key[0])),
                        new ExprNode.And(
                            List.of(
                                eq,
                                new ExprNode.Compare(ExprNode.CompareOp.LT, f0, c(key[1])))))))),
        back.after(key, false));
    assertEquals(
        new ExprNode.And(
            List.of(
                ge,
                new ExprNode.Or(
                    List.of(
                        new ExprNode.Compare(ExprNode.CompareOp.GT, f1, c(key[0])),
                        new ExprNode.And(
                            List.of(
                                eq, new ExprNode.Compare(ExprNode.CompareOp.LT, f0, c(key[1])))),
                        new ExprNode.And(
                            List.of(
                                eq,
                                new ExprNode.Compare(ExprNode.CompareOp.EQ, f0, c(key[1])))))))),
        back.after(key, true));
  }

  @Test
  void mixedDirectionsAndNullsExpandToAChain() {
    KeysetOrder o = of(ExprNode.TRUE, new OrderBy(f2, Direction.DESC), new OrderBy(f1,
        Direction.ASC));
    Value[] key = {new Value.Str("x"), new Value.Str("b"), new Value.I64(7)};
    ExprNode eq2 = new ExprNode.Compare(ExprNode.CompareOp.EQ, f2, c(key[0]));
    ExprNode eq1 = new ExprNode.Compare(ExprNode.CompareOp.EQ, f1, c(key[1]));
    assertEquals(
        new ExprNode.Or(
            List.of(
                new ExprNode.Or(
                    List.of(
                        new ExprNode.Compare(ExprNode.CompareOp.LT, f2, c(key[0])),
                        new ExprNode.IsNull(f2))),
                new ExprNode.And(
                    List.of(eq2, new ExprNode.Compare(ExprNode.CompareOp.GT, f1, c(key[1])))),
                new ExprNode.And(
                    List.of(
                        eq2, eq1, new ExprNode.Compare(ExprNode.CompareOp.GT, f0, c(key[2])))))),
        o.after(key, false));
    Value[] atNull = {Value.NULL, new Value.Str("b"), new Value.I64(7)};
    assertEquals(
        new ExprNode.Or(
            List.of(
                new ExprNode.And(
                    List.of(
                        new ExprNode.IsNull(f2),
                        new ExprNode.Compare(ExprNode.CompareOp.GT, f1, c(atNull[1])))),
                new ExprNode.And(
                    List.of(
                        new ExprNode.IsNull(f2),
                        eq1,
                        new ExprNode.Compare(ExprNode.CompareOp.GT, f0, c(atNull[2])))))),
        o.after(atNull, false));
    assertEquals(
        new ExprNode.Not(new ExprNode.IsNull(f2)).getClass(),
        o.reversed().after(atNull, false) instanceof ExprNode.Or or
            ? or.operands().get(0).getClass()
            : null);
  }
}
