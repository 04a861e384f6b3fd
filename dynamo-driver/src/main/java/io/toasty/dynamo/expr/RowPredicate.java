package io.toasty.dynamo.expr;

import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A filter evaluated by the driver on items DynamoDB returned, with the semantics of
 * {@link ConditionWriter}: for the terms a Query's {@code FilterExpression} may not hold (those
 * on the queried index's key attributes).
 */
public final class RowPredicate {
  private final TableInfo table;
  private final List<Value> args;
  private final ExprNode filter;

  public RowPredicate(TableInfo table, List<Value> args, ExprNode filter) {
    this.table = table;
    this.args = args;
    this.filter = filter;
    check(filter);
  }

  /** Whether the filter is TRUE for {@code item}. */
  public boolean test(Map<String, AttributeValue> item) {
    return eval(filter, item) == Boolean.TRUE;
  }

  /** Whether the filter holds for every item (it is TRUE). */
  public boolean isTrue() {
    return filter.equals(ExprNode.TRUE);
  }

  private void check(ExprNode e) {
    if (e instanceof ExprNode.Pattern p) {
      ConditionWriter.checkPattern(p);
    } else if (e instanceof ExprNode.And a) {
      a.operands().forEach(this::check);
    } else if (e instanceof ExprNode.Or o) {
      o.operands().forEach(this::check);
    } else if (e instanceof ExprNode.Not n) {
      check(n.operand());
    } else if (e instanceof ExprNode.InSubquery || e instanceof ExprNode.Exists
        || e instanceof ExprNode.Arith) {
      throw Operand.unsupported(e);
    }
  }

  private @Nullable Boolean eval(ExprNode e, Map<String, AttributeValue> item) {
    if (e instanceof ExprNode.Const k) {
      return bool(k.value());
    } else if (e instanceof ExprNode.Arg a) {
      return bool(args.get(a.index()));
    } else if (e instanceof ExprNode.And and) {
      Boolean out = true;
      for (ExprNode o : and.operands()) {
        Boolean v = eval(o, item);
        if (v == Boolean.FALSE) {
          return false;
        }
        if (v == null) {
          out = null;
        }
      }
      return out;
    } else if (e instanceof ExprNode.Or or) {
      Boolean out = false;
      for (ExprNode o : or.operands()) {
        Boolean v = eval(o, item);
        if (v == Boolean.TRUE) {
          return true;
        }
        if (v == null) {
          out = null;
        }
      }
      return out;
    } else if (e instanceof ExprNode.Not n) {
      Boolean v = eval(n.operand(), item);
      return v == null ? null : !v;
    } else if (e instanceof ExprNode.Compare c) {
      if (c.left() instanceof ExprNode.Record l && c.right() instanceof ExprNode.Record r) {
        return eval(Tuples.compare(c.op(), l.fields(), r.fields()), item);
      }
      return Values3.compare(c.op(), attr(c.left(), item), attr(c.right(), item));
    } else if (e instanceof ExprNode.IsNull n) {
      return Values3.isNull(attr(n.operand(), item));
    } else if (e instanceof ExprNode.InList in) {
      List<ExprNode> branches = new ArrayList<>();
      in.items().forEach(i -> branches.add(new ExprNode.Compare(CompareOp.EQ, in.operand(), i)));
      return eval(new ExprNode.Or(branches), item);
    } else if (e instanceof ExprNode.Pattern p) {
      return Values3.matches(p.kind(), attr(p.operand(), item), attr(p.pattern(), item));
    } else if (e instanceof ExprNode.IsNotDistinctFrom d) {
      AttributeValue l = attr(d.left(), item);
      AttributeValue r = attr(d.right(), item);
      if (Values3.isNull(l) || Values3.isNull(r)) {
        return Values3.isNull(l) && Values3.isNull(r);
      }
      return Values3.compare(CompareOp.EQ, l, r);
    } else if (e instanceof ExprNode.Column c) {
      AttributeValue a = item.get(table.attribute(c.index()));
      return a == null || Values3.isNull(a) ? null : a.bool();
    }
    throw Operand.unsupported(e);
  }

  private static @Nullable Boolean bool(Value v) {
    return v.isNull() ? null : ((Value.Bool) v).value();
  }

  private @Nullable AttributeValue attr(ExprNode e, Map<String, AttributeValue> item) {
    Operand o = Operand.of(e, table, args);
    if (o instanceof Operand.Attr a) {
      return item.get(table.attribute(a.column()));
    }
    if (o instanceof Operand.Val v) {
      return AttributeCodec.encode(v.value());
    }
    throw new IllegalArgumentException("a tuple where a value was expected: " + e);
  }
}
