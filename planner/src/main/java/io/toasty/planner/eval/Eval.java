package io.toasty.planner.eval;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a table-level expression in memory, with SQL's three-valued logic: a comparison with
 * NULL is NULL (unknown), and a filter keeps a row only when it evaluates to TRUE.
 *
 * <p>{@code ExprNode.Column(t, i)} reads position {@code i} of the row; {@code ExprNode.Arg(i)}
 * reads {@code args.get(i)}. Used for in-memory filters, key records and constant folding.
 */
public final class Eval {
  private final List<Value> args;
  private final Value.@Nullable Record row;

  private Eval(List<Value> args, Value.@Nullable Record row) {
    this.args = args;
    this.row = row;
  }

  /** The value of {@code e} for {@code row} (which may be null when {@code e} reads no column). */
  public static Value eval(ExprNode e, List<Value> args, Value.@Nullable Record row) {
    return new Eval(args, row).expr(e);
  }

  /** Whether {@code e} evaluates to TRUE (not FALSE, not NULL). */
  public static boolean isTrue(ExprNode e, List<Value> args, Value.@Nullable Record row) {
    return eval(e, args, row) instanceof Value.Bool b && b.value();
  }

  /** The record that {@code r} evaluates to. */
  public static Value.Record record(ExprNode.Record r, List<Value> args,
      Value.@Nullable Record row) {
    return (Value.Record) eval(r, args, row);
  }

  private Value expr(ExprNode e) {
    if (e instanceof ExprNode.Const c) {
      return c.value();
    } else if (e instanceof ExprNode.Arg a) {
      return args.get(a.index());
    } else if (e instanceof ExprNode.Column c) {
      return Objects.requireNonNull(row, "a column read needs a row").get(c.index());
    } else if (e instanceof ExprNode.Compare c) {
      return compare(c);
    } else if (e instanceof ExprNode.And a) {
      return and(a.operands());
    } else if (e instanceof ExprNode.Or o) {
      return or(o.operands());
    } else if (e instanceof ExprNode.Not n) {
      Value v = expr(n.operand());
      return v.isNull() ? Value.NULL : bool(!((Value.Bool) v).value());
    } else if (e instanceof ExprNode.IsNull n) {
      return bool(expr(n.operand()).isNull());
    } else if (e instanceof ExprNode.InList in) {
      return inList(in);
    } else if (e instanceof ExprNode.IsNotDistinctFrom d) {
      return notDistinct(expr(d.left()), expr(d.right()));
    } else if (e instanceof ExprNode.Pattern p) {
      Value text = expr(p.operand());
      Value pattern = expr(p.pattern());
      return text.isNull() || pattern.isNull() ? Value.NULL
          : bool(PatternMatch.matches(p.kind(), ((Value.Str) text).value(),
              ((Value.Str) pattern).value(), p.ignoreCase()));
    } else if (e instanceof ExprNode.Record r) {
      List<Value> out = new ArrayList<>(r.fields().size());
      r.fields().forEach(f -> out.add(expr(f)));
      return new Value.Record(out);
    } else if (e instanceof ExprNode.Project p) {
      return ((Value.Record) expr(p.base())).get(p.index());
    } else if (e instanceof ExprNode.Arith a) {
      return Arithmetic.apply(a.op(), expr(a.left()), expr(a.right()));
    } else if (e instanceof ExprNode.Func f) {
      return function(f.op(), expr(f.operand()));
    } else if (e instanceof ExprNode.Case c) {
      return caseOf(c);
    } else if (e instanceof ExprNode.JsonText j) {
      return JsonPathText.of(expr(j.operand()), j.path());
    }
    throw new UnsupportedFeatureException(Feature.IN_MEMORY_EVALUATION,
        null, "in-memory evaluation of " + e.getClass().getSimpleName() + ": "
        + "the planner should have sent this expression to the database");
  }

  /** The first {@code then} whose {@code when} equals the operand (NULL equals none). */
  private Value caseOf(ExprNode.Case c) {
    Value operand = expr(c.operand());
    for (int i = 0; !operand.isNull() && i < c.whens().size(); i++) {
      Value when = expr(c.whens().get(i));
      if (!when.isNull() && ValueOrder.compare(operand, when) == 0) {
        return expr(c.thens().get(i));
      }
    }
    return expr(c.otherwise());
  }

  private Value compare(ExprNode.Compare c) {
    Value l = expr(c.left());
    Value r = expr(c.right());
    if (l.isNull() || r.isNull()) {
      return Value.NULL;
    }
    if (l instanceof Value.Record a && r instanceof Value.Record b
        && (c.op() == ExprNode.CompareOp.EQ || c.op() == ExprNode.CompareOp.NE)) {
      return tuple(c.op(), a, b);
    }
    int order = ValueOrder.compare(l, r);
    return bool(switch (c.op()) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
    });
  }

  /** {@code (a, b) = (x, y)} as {@code a = x AND b = y}; {@code <>} as the OR of {@code <>}. */
  private Value tuple(ExprNode.CompareOp op, Value.Record a, Value.Record b) {
    List<ExprNode> parts = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      parts.add(
          new ExprNode.Compare(op, new ExprNode.Const(a.get(i)), new ExprNode.Const(b.get(i))));
    }
    return op == ExprNode.CompareOp.EQ ? and(parts) : or(parts);
  }

  private Value and(List<ExprNode> operands) {
    boolean unknown = false;
    for (ExprNode o : operands) {
      Value v = expr(o);
      if (v.isNull()) {
        unknown = true;
      } else if (!((Value.Bool) v).value()) {
        return Value.FALSE;
      }
    }
    return unknown ? Value.NULL : Value.TRUE;
  }

  private Value or(List<ExprNode> operands) {
    boolean unknown = false;
    for (ExprNode o : operands) {
      Value v = expr(o);
      if (v.isNull()) {
        unknown = true;
      } else if (((Value.Bool) v).value()) {
        return Value.TRUE;
      }
    }
    return unknown ? Value.NULL : Value.FALSE;
  }

  private Value inList(ExprNode.InList in) {
    if (in.items().isEmpty()) {
      return expr(in.operand()).isNull() ? Value.NULL : Value.FALSE;
    }
    List<ExprNode> any = new ArrayList<>(in.items().size());
    for (ExprNode item : in.items()) {
      any.add(new ExprNode.Compare(ExprNode.CompareOp.EQ, in.operand(), item));
    }
    return or(any);
  }

  private Value notDistinct(Value l, Value r) {
    if (l.isNull() || r.isNull()) {
      return bool(l.isNull() && r.isNull());
    }
    return compare(
        new ExprNode.Compare(ExprNode.CompareOp.EQ, new ExprNode.Const(l), new ExprNode.Const(r)));
  }

  /** LOWER/UPPER as Java folds in {@code Locale.ROOT}, as pattern matching does here. */
  private static Value function(ExprNode.FuncOp op, Value v) {
    if (v.isNull()) {
      return Value.NULL;
    }
    String s = ((Value.Str) v).value();
    return switch (op) {
      case LOWER -> new Value.Str(s.toLowerCase(Locale.ROOT));
      case UPPER -> new Value.Str(s.toUpperCase(Locale.ROOT));
      case LENGTH -> new Value.I64(s.codePointCount(0, s.length()));
    };
  }

  private static Value bool(boolean b) {
    return b ? Value.TRUE : Value.FALSE;
  }
}
