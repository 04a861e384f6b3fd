package io.toasty.dynamo.expr;

import io.toasty.Redaction;
import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.DivisionByZeroException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An update's value computed from the item as it was read, for what DynamoDB's
 * {@code UpdateExpression} cannot compute itself ({@code * / %}, nested arithmetic, text
 * functions, arithmetic over a field that may be absent). SQL's rules, as the engine's own
 * evaluator applies them: NULL in, NULL out; integers exact, integer division truncating toward
 * zero and a remainder taking the dividend's sign; a division or remainder by zero is a
 * {@link DivisionByZeroException} naming the model, raised before anything is written;
 * decimals exact (division to 16 digits); floating point as Java's {@code double}. The result is
 * converted to the target field's type, and an integer beyond that type's range is a
 * {@link ValueOutOfRangeException} naming model and field, raised before anything is written.
 * Integers are not bounded in between (DynamoDB numbers are arbitrary precision): only the value
 * stored is checked.
 */
public final class ItemEval {
  /** How a number combines with another: the wider kind wins. */
  private enum Kind { INTEGER, DECIMAL, FLOAT }

  /** An operand: NULL, a number of a kind, or text. */
  private record Operand(@Nullable Kind kind, @Nullable BigDecimal number,
      @Nullable String text) {
    static final Operand NULL = new Operand(null, null, null);

    boolean isNull() {
      return number == null && text == null;
    }
  }

  private final TableInfo table;
  private final List<Value> args;
  private final Map<String, AttributeValue> item;

  private ItemEval(TableInfo table, List<Value> args, Map<String, AttributeValue> item) {
    this.table = table;
    this.args = args;
    this.item = item;
  }

  /**
   * The attribute column {@code target} takes when assigned {@code e} over {@code item}, or null
   * when the result is NULL (the attribute is removed).
   *
   * @throws ValueOutOfRangeException when an integer field could not hold the result
   */
  public static @Nullable AttributeValue assign(TableInfo table, int target, ExprNode e,
      List<Value> args,
      Map<String, AttributeValue> item) {
    Operand v = new ItemEval(table, args, item).eval(e);
    return v.isNull() ? null : convert(table, target, v);
  }

  private Operand eval(ExprNode e) {
    if (e instanceof ExprNode.Arith a) {
      return arith(table.model(), a.op(), eval(a.left()), eval(a.right()));
    } else if (e instanceof ExprNode.Func f) {
      return function(f.op(), eval(f.operand()));
    } else if (e instanceof ExprNode.Column c) {
      AttributeValue a = item.get(table.attribute(c.index()));
      if (a == null || Values3.isNull(a)) {
        return Operand.NULL;
      }
      return a.n() != null ? new Operand(kind(table.column(c.index()).type()),
          new BigDecimal(a.n()), null) : new Operand(null, null, a.s());
    }
    Value v = e instanceof ExprNode.Arg a ? args.get(a.index()) : ((ExprNode.Const) e).value();
    return operand(v);
  }

  private static Operand operand(Value v) {
    if (v.isNull()) {
      return Operand.NULL;
    } else if (v instanceof Value.Str s) {
      return new Operand(null, null, s.value());
    } else if (v instanceof Value.Decimal d) {
      return new Operand(Kind.DECIMAL, d.value(), null);
    } else if (v instanceof Value.F32 f) {
      return new Operand(Kind.FLOAT, new BigDecimal(Float.toString(f.value())), null);
    } else if (v instanceof Value.F64 d) {
      return new Operand(Kind.FLOAT, new BigDecimal(Double.toString(d.value())), null);
    } else if (v.toJava() instanceof Number n) {
      return new Operand(Kind.INTEGER, new BigDecimal(n.toString()), null);
    }
    throw new IllegalArgumentException("not a number or text in an update expression: " + v);
  }

  private static Kind kind(Type type) {
    return type == Type.Scalar.F32 || type == Type.Scalar.F64 ? Kind.FLOAT
        : type == Type.Scalar.DECIMAL ? Kind.DECIMAL : Kind.INTEGER;
  }

  private static Operand arith(@Nullable String model, ExprNode.ArithOp op, Operand l, Operand r) {
    if (l.isNull() || r.isNull()) {
      return Operand.NULL;
    }
    Kind lk = l.kind();
    Kind rk = r.kind();
    if (lk == null || rk == null) {
      throw new IllegalArgumentException("text in arithmetic of an update expression: " + op);
    }
    Kind kind = lk.compareTo(rk) >= 0 ? lk : rk;
    BigDecimal a = l.number();
    BigDecimal b = r.number();
    if (a == null || b == null) {
      return new Operand(kind, null, "non-finite"); // a part past a float's range: so is the whole
    }
    if ((op == ExprNode.ArithOp.DIV || op == ExprNode.ArithOp.MOD) && b.signum() == 0) {
      throw new DivisionByZeroException("dynamodb", model, "update value " + a.toPlainString()
          + " " + op.symbol() + " " + b.toPlainString() + ": division by zero", null);
    }
    if (kind == Kind.FLOAT) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      double d = switch (op) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MUL -> x * y;
        case DIV -> x / y;
        case MOD -> x % y;
      };
      return Double.isFinite(d) ? new Operand(kind, new BigDecimal(Double.toString(d)), null)
          : new Operand(kind, null, "non-finite");
    }
    BigDecimal n = switch (op) {
      case ADD -> a.add(b);
      case SUB -> a.subtract(b);
      case MUL -> a.multiply(b);
      case DIV -> kind == Kind.INTEGER ? a.divide(b, 0, RoundingMode.DOWN)
          : a.divide(b, MathContext.DECIMAL64);
      case MOD -> a.remainder(b);
    };
    return new Operand(kind, n, null);
  }

  private static Operand function(ExprNode.FuncOp op, Operand v) {
    if (v.isNull()) {
      return Operand.NULL;
    }
    String s = v.text();
    if (s == null) {
      throw new IllegalArgumentException("a number in a text function of an update expression: "
          + op);
    }
    return switch (op) {
      case LOWER -> new Operand(null, null, s.toLowerCase(Locale.ROOT));
      case UPPER -> new Operand(null, null, s.toUpperCase(Locale.ROOT));
      case LENGTH -> new Operand(Kind.INTEGER,
          BigDecimal.valueOf(s.codePointCount(0, s.length())), null);
    };
  }

  /** {@code v} as an attribute of column {@code c}'s type. */
  private static AttributeValue convert(TableInfo t, int c, Operand v) {
    Type type = t.column(c).type();
    if (v.number() == null && v.kind() == null) {
      return AttributeValue.fromS(v.text());
    }
    if (v.number() == null) {
      throw outOfRange(t, c, "not a finite number");
    }
    BigDecimal n = v.number();
    if (type == Type.Scalar.F32) {
      return check(t, c, new Value.F32(n.floatValue()), n);
    } else if (type == Type.Scalar.F64) {
      return check(t, c, new Value.F64(n.doubleValue()), n);
    } else if (type == Type.Scalar.DECIMAL) {
      return AttributeValue.fromN(n.stripTrailingZeros().toPlainString());
    }
    long[] range = IntegerRange.of(type);
    BigDecimal whole = n.setScale(0, RoundingMode.HALF_UP);
    if (range != null && (whole.compareTo(BigDecimal.valueOf(range[0])) < 0
        || whole.compareTo(BigDecimal.valueOf(range[1])) > 0)) {
      throw outOfRange(t, c, "the update would make it " + (t.sensitive(c)
          ? Redaction.MASK : whole.toPlainString()) + ", outside its type's range "
          + range[0] + " to " + range[1] + "; nothing was written");
    }
    return AttributeValue.fromN(whole.toPlainString());
  }

  private static AttributeValue check(TableInfo t, int c, Value v, BigDecimal n) {
    if (v.toJava() instanceof Float f && Float.isInfinite(f)
        || v.toJava() instanceof Double d && Double.isInfinite(d)) {
      throw outOfRange(t, c, "the update would make it " + n.toEngineeringString()
          + ", beyond its type's range; nothing was written");
    }
    return AttributeCodec.encodePresent(v);
  }

  private static ValueOutOfRangeException outOfRange(TableInfo t, int c, String message) {
    return new ValueOutOfRangeException(t.model(), t.fieldName(c), message, null);
  }
}
