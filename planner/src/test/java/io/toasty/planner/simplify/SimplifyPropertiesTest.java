package io.toasty.planner.simplify;

import static io.toasty.planner.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.planner.eval.Eval;
import io.toasty.planner.expr.Children;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties over random boolean expressions on User's fields: simplifying twice changes nothing,
 * and simplifying keeps meaning (a filter keeps the same rows; a value keeps its three-valued
 * result) for random rows and arguments.
 */
class SimplifyPropertiesTest {
  private static final int CASES = 3000;
  private final Random random = new Random(20240611);

  @Test
  void simplifyTwiceChangesNothing() {
    for (int i = 0; i < CASES; i++) {
      ExprNode e = bool(4);
      ExprNode once = Simplify.filter(e, SCHEMA);
      assertEquals(once, Simplify.filter(once, SCHEMA), () -> "filter not idempotent: " + e);
      ExprNode value = Simplify.expr(e, SCHEMA);
      assertEquals(value, Simplify.expr(value, SCHEMA), () -> "expr not idempotent: " + e);
    }
  }

  @Test
  void simplifyKeepsMeaning() {
    for (int i = 0; i < CASES; i++) {
      ExprNode e = bool(4);
      ExprNode filter = Simplify.filter(e, SCHEMA);
      ExprNode value = Simplify.expr(e, SCHEMA);
      for (int j = 0; j < 8; j++) {
        Value.Record row = row();
        List<Value> args = args();
        ExprNode original = columns(e);
        assertEquals(Eval.isTrue(original, args, row), Eval.isTrue(columns(filter), args, row),
            () -> "filter changed meaning: " + e + " -> " + filter + " on " + row + " " + args);
        assertEquals(Eval.eval(original, args, row), Eval.eval(columns(value), args, row),
            () -> "value changed meaning: " + e + " -> " + value + " on " + row + " " + args);
      }
    }
  }

  private ExprNode bool(int depth) {
    int pick = random.nextInt(depth <= 0 ? 4 : 12);
    return switch (pick) {
      case 0 -> compare();
      case 10 -> new ExprNode.IsNotDistinctFrom(text(), text());
      case 11 ->
          new ExprNode.Pattern(
              ExprNode.PatternKind.values()[random.nextInt(4)],
              text(),
              text(),
              random.nextBoolean());
      case 1 -> new ExprNode.IsNull(random.nextBoolean() ? user(NICKNAME) : user(NAME));
      case 2 -> literal();
      case 3 -> new ExprNode.InList(text(), items());
      case 4, 5 -> new ExprNode.And(operands(depth));
      case 6, 7 -> new ExprNode.Or(operands(depth));
      case 8 -> new ExprNode.Not(bool(depth - 1));
      default ->
          new ExprNode.Compare(
              random.nextBoolean() ? CompareOp.EQ : CompareOp.NE,
              ExprNode.Record.of(text(), text()),
              ExprNode.Record.of(text(), text()));
    };
  }

  private List<ExprNode> operands(int depth) {
    List<ExprNode> out = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      out.add(bool(depth - 1));
    }
    return out;
  }

  private List<ExprNode> items() {
    List<ExprNode> out = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.add(random.nextInt(5) == 0 ? ExprNode.NULL : new ExprNode.Arg(random.nextInt(2)));
    }
    return out;
  }

  private ExprNode compare() {
    CompareOp op = CompareOp.values()[random.nextInt(CompareOp.values().length)];
    return new ExprNode.Compare(op, text(), text());
  }

  private ExprNode text() {
    return switch (random.nextInt(4)) {
      case 0 -> user(NAME);
      case 1 -> user(NICKNAME);
      case 2 -> new ExprNode.Arg(random.nextInt(2));
      default -> ExprNode.NULL;
    };
  }

  private ExprNode literal() {
    return switch (random.nextInt(3)) {
      case 0 -> ExprNode.TRUE;
      case 1 -> ExprNode.FALSE;
      default -> ExprNode.NULL;
    };
  }

  private Value.Record row() {
    Value nickname = random.nextBoolean() ? Value.NULL : text2();
    return Value.Record.of(new Value.I64(1), text2(), new Value.Str("e"), nickname,
        new Value.I32(0), new Value.Str("DRAFT"));
  }

  private List<Value> args() {
    return List.of(text2(), text2());
  }

  private Value text2() {
    return new Value.Str(random.nextBoolean() ? "a" : "b");
  }

  /** The expression over User's columns (the fixture maps field i to column i). */
  private static ExprNode columns(ExprNode e) {
    if (e instanceof ExprNode.Field f) {
      return new ExprNode.Column("users", f.index());
    }
    return Children.map(e, SimplifyPropertiesTest::columns);
  }
}
