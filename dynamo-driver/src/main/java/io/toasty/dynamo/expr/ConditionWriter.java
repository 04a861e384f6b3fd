package io.toasty.dynamo.expr;

import io.toasty.Feature;
import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.dynamo.codec.CollectionAttributes;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes a table-level filter as a DynamoDB condition expression, with SQL's three-valued logic.
 *
 * <p>DynamoDB conditions are two-valued, and a missing attribute (our NULL) makes {@code <>} and
 * {@code NOT} true where SQL says "unknown". So each filter is written twice over: the condition
 * under which it is TRUE ({@link #whenTrue}) and the one under which it is FALSE
 * ({@link #whenFalse}); {@code NOT x} is TRUE exactly when {@code x} is FALSE. A comparison is
 * TRUE or FALSE only when both sides are present, so {@code a <> :v} is written
 * {@code attribute_exists(a) AND a <> :v}. Arguments are known when the operation runs, so a
 * comparison with a NULL argument is folded to "neither" here, and never sent.
 *
 * <p>Values are bound as {@code :v} placeholders and attribute names as {@code #n} placeholders,
 * in one walk. {@code begins_with} and {@code contains} serve {@code startsWith} and
 * {@code contains}; other patterns and case-insensitive matching are refused with an
 * {@link UnsupportedFeatureException}.
 */
public final class ConditionWriter {
  /** DynamoDB allows at most 100 operands in one {@code IN}. */
  static final int MAX_IN = 100;

  private final TableInfo table;
  private final List<Value> args;
  private final Placeholders ph;

  public ConditionWriter(TableInfo table, List<Value> args, Placeholders ph) {
    this.table = table;
    this.args = args;
    this.ph = ph;
  }

  /** The condition under which {@code e} is TRUE. */
  public Cond whenTrue(ExprNode e) {
    return truth(e, true);
  }

  /** The condition under which {@code e} is FALSE (not merely "not TRUE"). */
  public Cond whenFalse(ExprNode e) {
    return truth(e, false);
  }

  private Cond truth(ExprNode e, boolean wanted) {
    if (e instanceof ExprNode.Const k) {
      return constant(k.value(), wanted);
    } else if (e instanceof ExprNode.Arg a) {
      return constant(args.get(a.index()), wanted);
    } else if (e instanceof ExprNode.And and) {
      List<Cond> parts = new ArrayList<>();
      and.operands().forEach(o -> parts.add(truth(o, wanted)));
      return wanted ? Cond.and(parts) : Cond.or(parts);
    } else if (e instanceof ExprNode.Or or) {
      List<Cond> parts = new ArrayList<>();
      or.operands().forEach(o -> parts.add(truth(o, wanted)));
      return wanted ? Cond.or(parts) : Cond.and(parts);
    } else if (e instanceof ExprNode.Not n) {
      return truth(n.operand(), !wanted);
    } else if (e instanceof ExprNode.Compare c) {
      if (c.left() instanceof ExprNode.Record l && c.right() instanceof ExprNode.Record r) {
        return truth(Tuples.compare(c.op(), l.fields(), r.fields()), wanted);
      }
      // A comparison is FALSE exactly when its negation is TRUE (both sides present).
      return holds(wanted ? c.op() : c.op().negate(), operand(c.left()), operand(c.right()));
    } else if (e instanceof ExprNode.IsNull n) {
      return isNull(operand(n.operand()), wanted);
    } else if (e instanceof ExprNode.InList in) {
      return inList(in, wanted);
    } else if (e instanceof ExprNode.Pattern p) {
      return pattern(p, wanted);
    } else if (e instanceof ExprNode.IsNotDistinctFrom d) {
      return notDistinct(d, wanted);
    } else if (e instanceof ExprNode.Contains c) {
      return contains(c, wanted);
    } else if (e instanceof ExprNode.IsEmpty i) {
      return isEmpty(i, wanted);
    } else if (e instanceof ExprNode.Column c) {
      return holds(CompareOp.EQ, new Operand.Attr(c.index()), new Operand.Val(Value.of(wanted)));
    }
    throw Operand.unsupported(e);
  }

  private Operand operand(ExprNode e) {
    return Operand.of(e, table, args);
  }

  private static Cond constant(Value v, boolean wanted) {
    if (v instanceof Value.Bool b) {
      return b.value() == wanted ? Cond.TRUE : Cond.FALSE;
    }
    if (v.isNull()) {
      return Cond.FALSE;
    }
    throw new IllegalArgumentException("not a condition: " + v);
  }

  /** The condition under which {@code l op r} is TRUE. */
  private Cond holds(CompareOp op, Operand l, Operand r) {
    if (l instanceof Operand.Val && r instanceof Operand.Attr) {
      return holds(op.commute(), r, l);
    }
    if (l instanceof Operand.Val lv && r instanceof Operand.Val rv) {
      return Values3.compare(op, lv.value(), rv.value()) == Boolean.TRUE ? Cond.TRUE : Cond.FALSE;
    }
    if (!(l instanceof Operand.Attr a)) {
      throw new IllegalArgumentException("cannot compare " + l + " with " + r);
    }
    String left = name(a);
    String right;
    Cond present = exists(a);
    if (r instanceof Operand.Val v) {
      if (v.value().isNull()) {
        return Cond.FALSE;
      }
      right = value(v.value());
    } else if (r instanceof Operand.Attr b) {
      right = name(b);
      present = Cond.and(present, exists(b));
    } else {
      throw new IllegalArgumentException("cannot compare " + l + " with " + r);
    }
    Cond cmp = Cond.atom(left + " " + op.symbol() + " " + right);
    // DynamoDB already finds =, <, <=, >, >= false when an attribute is missing; <> it finds true.
    return op == CompareOp.NE ? Cond.and(present, cmp) : cmp;
  }

  private Cond isNull(Operand o, boolean wanted) {
    if (o instanceof Operand.Val v) {
      return v.value().isNull() == wanted ? Cond.TRUE : Cond.FALSE;
    }
    if (o instanceof Operand.Attr a) {
      if (absentIsEmpty(a)) {
        return wanted ? Cond.FALSE : Cond.TRUE;
      }
      return wanted ? Cond.atom("attribute_not_exists(" + name(a) + ")") : exists(a);
    }
    throw new UnsupportedFeatureException(Feature.FILTER_EXPRESSION, TableInfo.BACKEND,
        "IS NULL on a tuple: " + o.toString());
  }

  private Cond inList(ExprNode.InList in, boolean wanted) {
    Operand o = operand(in.operand());
    boolean simple =
        o instanceof Operand.Attr
            && in.items().stream()
                .allMatch(i -> i instanceof ExprNode.Arg || i instanceof ExprNode.Const);
    if (!simple) {
      // SQL: x IN (a, b) is x = a OR x = b, three-valued logic included.
      List<ExprNode> branches = new ArrayList<>();
      in.items().forEach(i -> branches.add(new ExprNode.Compare(CompareOp.EQ, in.operand(), i)));
      return truth(new ExprNode.Or(branches), wanted);
    }
    Operand.Attr a = (Operand.Attr) o;
    List<String> values = new ArrayList<>();
    boolean hasNull = false;
    for (ExprNode item : in.items()) {
      Value v = ((Operand.Val) operand(item)).value();
      if (v.isNull()) {
        hasNull = true;
      } else {
        values.add(value(v));
      }
    }
    List<Cond> chunks = new ArrayList<>();
    for (int i = 0; i < values.size(); i += MAX_IN) {
      chunks.add(Cond.atom(name(a) + " IN (" + String.join(", ",
          values.subList(i, Math.min(values.size(), i + MAX_IN))) + ")"));
    }
    Cond any = Cond.or(chunks);
    if (wanted) {
      return any;
    }
    // x NOT IN (..., NULL) is never TRUE; x NOT IN () is TRUE for any present x.
    return hasNull ? Cond.FALSE : Cond.and(exists(a), Cond.not(any));
  }

  private Cond pattern(ExprNode.Pattern p, boolean wanted) {
    checkPattern(p);
    Operand o = operand(p.operand());
    Operand pat = operand(p.pattern());
    if (!(pat instanceof Operand.Val pv)) {
      throw new UnsupportedFeatureException(Feature.PATTERN_MATCH, TableInfo.BACKEND,
          "a pattern read from an attribute: begins_with and contains take a value");
    }
    if (pv.value().isNull()) {
      return Cond.FALSE;
    }
    if (o instanceof Operand.Val ov) {
      Boolean matches = Values3.matches(p.kind(), ov.value(), pv.value());
      return matches == null ? Cond.FALSE : matches == wanted ? Cond.TRUE : Cond.FALSE;
    }
    Operand.Attr a = (Operand.Attr) o;
    if (pv.value() instanceof Value.Str s && s.value().isEmpty()) {
      // Every string starts with and contains the empty string.
      return wanted ? exists(a) : Cond.FALSE;
    }
    String fn = p.kind() == ExprNode.PatternKind.STARTS_WITH ? "begins_with" : "contains";
    Cond match = Cond.atom(fn + "(" + name(a) + ", " + value(pv.value()) + ")");
    return wanted ? match : Cond.and(exists(a), Cond.not(match));
  }

  /**
   * {@code contains(a, :v)} of a list or set (an element equal to the item), or
   * {@code attribute_exists(a.k)} of a map's key (stored escaped, as the map's keys are); FALSE
   * only where the collection is there.
   */
  private Cond contains(ExprNode.Contains c, boolean wanted) {
    Operand.Attr a = collection(c.operand());
    Operand item = operand(c.item());
    if (!(item instanceof Operand.Val v) || v.value().isNull()) {
      return Cond.FALSE;
    }
    Cond match = c.type().shape() == Type.CollectionOf.Shape.MAP
        ? Cond.atom("attribute_exists(" + name(a) + "." + ph.name(
            CollectionAttributes.storedKey(((Value.Str) v.value()).value())) + ")")
        : Cond.atom("contains(" + name(a) + ", " + value(v.value()) + ")");
    return wanted ? match : Cond.and(present(a), Cond.not(match));
  }

  /**
   * {@code size(a) = 0}; FALSE where the collection has items. A missing one is neither, but for
   * a set field that is never NULL, whose empty set is no attribute.
   */
  private Cond isEmpty(ExprNode.IsEmpty i, boolean wanted) {
    Operand.Attr a = collection(i.operand());
    Cond size = Cond.atom("size(" + name(a) + ") " + (wanted ? "=" : ">") + " "
        + value(new Value.I64(0)));
    return wanted && absentIsEmpty(a)
        ? Cond.or(Cond.atom("attribute_not_exists(" + name(a) + ")"), size) : size;
  }

  /** Whether the attribute holds a value: exists, or is a set field that is never NULL. */
  private Cond present(Operand.Attr a) {
    return absentIsEmpty(a) ? Cond.TRUE : exists(a);
  }

  /** Whether column {@code a} is a set that is never NULL, so absent when empty. */
  private boolean absentIsEmpty(Operand.Attr a) {
    return !table.column(a.column()).nullable()
        && table.column(a.column()).type() instanceof Type.CollectionOf c
        && c.shape() == Type.CollectionOf.Shape.SET;
  }

  private Operand.Attr collection(ExprNode e) {
    if (operand(e) instanceof Operand.Attr a) {
      return a;
    }
    throw Operand.unsupported(e);
  }

  /** Refuses the patterns DynamoDB cannot match. */
  static void checkPattern(ExprNode.Pattern p) {
    if (p.kind() == ExprNode.PatternKind.ENDS_WITH || p.kind() == ExprNode.PatternKind.LIKE) {
      throw new UnsupportedFeatureException(Feature.PATTERN_MATCH, TableInfo.BACKEND,
          "LIKE beyond begins-with: " + p.kind()
          + " cannot be expressed in a DynamoDB condition (begins_with and contains "
          + "can: startsWith and contains)");
    }
    if (p.ignoreCase()) {
      throw new UnsupportedFeatureException(Feature.PATTERN_MATCH, TableInfo.BACKEND,
          "case-insensitive matching: DynamoDB compares strings byte by byte; store a "
          + "lower-cased copy and match that");
    }
  }

  private Cond notDistinct(ExprNode.IsNotDistinctFrom d, boolean wanted) {
    if (d.left() instanceof ExprNode.Record l && d.right() instanceof ExprNode.Record r) {
      List<ExprNode> terms = new ArrayList<>();
      for (int i = 0; i < l.fields().size(); i++) {
        terms.add(new ExprNode.IsNotDistinctFrom(l.fields().get(i), r.fields().get(i)));
      }
      return truth(new ExprNode.And(terms), wanted);
    }
    Operand l = operand(d.left());
    Operand r = operand(d.right());
    if (l instanceof Operand.Val && r instanceof Operand.Attr) {
      Operand t = l;
      l = r;
      r = t;
    }
    if (l instanceof Operand.Val lv && r instanceof Operand.Val rv) {
      return Values3.notDistinct(lv.value(), rv.value()) == wanted ? Cond.TRUE : Cond.FALSE;
    }
    Operand.Attr a = (Operand.Attr) l;
    if (r instanceof Operand.Val v) {
      if (v.value().isNull()) {
        return isNull(a, wanted);
      }
      Cond eq = Cond.atom(name(a) + " = " + value(v.value()));
      return wanted ? eq : Cond.or(Cond.atom("attribute_not_exists(" + name(a) + ")"),
          Cond.atom(name(a) + " <> " + value(v.value())));
    }
    Operand.Attr b = (Operand.Attr) r;
    Cond same = Cond.or(Cond.atom(name(a) + " = " + name(b)), Cond.and(isNull(a, true),
        isNull(b, true)));
    return wanted ? same : Cond.not(same);
  }

  private Cond exists(Operand.Attr a) {
    return Cond.atom("attribute_exists(" + name(a) + ")");
  }

  private String name(Operand.Attr a) {
    return ph.name(table.attribute(a.column()));
  }

  /** The placeholder of {@code v}, which every caller checked is not NULL. */
  private String value(Value v) {
    return ph.value(AttributeCodec.encodePresent(v));
  }
}
