package io.toasty.dynamo.expr;

import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Splits what a Query must satisfy into the three places DynamoDB (and the driver) can check it:
 *
 * <ol>
 *   <li>the {@code KeyConditionExpression}: partition key equality and at most one sort key
 *       condition ({@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN} for a
 *       lower and an upper bound together, or {@code begins_with});</li>
 *   <li>the {@code FilterExpression}: every term on other attributes;</li>
 *   <li>an in-memory {@link RowPredicate}: the terms on the index's key attributes that the key
 *       condition cannot hold (a second bound, {@code <>}, {@code IN}, an OR), since a
 *       {@code FilterExpression} may not name key attributes.</li>
 * </ol>
 *
 * <p>The key condition and filter arrive as the planner split them, but are treated as one
 * conjunction here, so that any split works.
 */
public final class QueryConditions {

  /**
   * The parts of one Query.
   *
   * @param empty        whether nothing can match (a NULL key value, an empty range): send nothing
   * @param keyCondition the key condition expression
   * @param filter       the filter expression, or null
   * @param residual     what the driver checks on each returned item
   * @param residualColumns the columns the residual reads (they must be fetched)
   */
  public record Parts(boolean empty, @Nullable String keyCondition, @Nullable String filter,
      @Nullable RowPredicate residual, Set<Integer> residualColumns, Placeholders placeholders) {}

  private record SortTerm(@Nullable CompareOp op, boolean beginsWith, Value value, ExprNode term) {}

  private QueryConditions() {}

  /**
   * The parts of a Query on the index whose partition key is column {@code partition} and sort key
   * column {@code sort} (-1 for none).
   */
  public static Parts of(TableInfo table, int partition, int sort, ExprNode keyCondition,
      ExprNode filter, List<Value> args) {
    return of(table, partition, sort, Set.of(), keyCondition, filter, args);
  }

  /**
   * As {@link #of(TableInfo, int, int, ExprNode, ExprNode, List)}, with further columns that the
   * {@code FilterExpression} must not name (the table's key, in a query on a secondary index).
   */
  public static Parts of(TableInfo table, int partition, int sort, Set<Integer> alsoKeys,
      ExprNode keyCondition, ExprNode filter, List<Value> args) {
    Placeholders ph = new Placeholders();
    List<ExprNode> terms = new ArrayList<>(AndTerms.of(keyCondition));
    terms.addAll(AndTerms.of(filter));
    Value partitionValue = null;
    List<SortTerm> sortTerms = new ArrayList<>();
    List<ExprNode> rest = new ArrayList<>();
    for (ExprNode t : terms) {
      Value eq = partitionValue == null ? equality(t, partition, args) : null;
      if (eq != null) {
        partitionValue = eq;
        continue;
      }
      SortTerm s = sort >= 0 ? sortTerm(t, sort, args) : null;
      if (s != null) {
        sortTerms.add(s);
      } else {
        rest.add(t);
      }
    }
    if (partitionValue == null) {
      throw new IllegalArgumentException("a query on " + table.name() + " needs "
          + table.attribute(partition) + " = value in its key condition: " + keyCondition);
    }
    if (partitionValue.isNull() || isEmptyKey(partitionValue)
        || sortTerms.stream().anyMatch(s -> s.value().isNull())) {
      return emptyParts(ph);
    }
    String p = ph.name(table.attribute(partition));
    String key = p + " = " + ph.value(AttributeCodec.encodePresent(partitionValue));
    List<ExprNode> residual = new ArrayList<>();
    if (!sortTerms.isEmpty()) {
      String s = ph.name(table.attribute(sort));
      SortTerm eq = first(sortTerms, CompareOp.EQ);
      SortTerm lower = sortTerms.stream().filter(t -> !t.beginsWith()
          && (t.op() == CompareOp.GT || t.op() == CompareOp.GE)).findFirst().orElse(null);
      SortTerm upper = sortTerms.stream().filter(t -> !t.beginsWith()
          && (t.op() == CompareOp.LT || t.op() == CompareOp.LE)).findFirst().orElse(null);
      SortTerm prefix = sortTerms.stream().filter(SortTerm::beginsWith).findFirst().orElse(null);
      List<SortTerm> used = new ArrayList<>();
      if (eq != null) {
        if (isEmptyKey(eq.value())) {
          return emptyParts(ph);
        }
        key += " AND " + s + " = " + value(ph, eq.value());
        used.add(eq);
      } else if (lower != null && upper != null) {
        Integer c = AttributeOrder.compare(AttributeCodec.encodePresent(lower.value()),
            AttributeCodec.encodePresent(upper.value()));
        if (c != null && c > 0) {
          return emptyParts(ph);
        }
        key += " AND " + s + " BETWEEN " + value(ph, lower.value()) + " AND "
            + value(ph, upper.value());
        // BETWEEN includes both bounds: an exclusive bound is checked again on each item.
        if (lower.op() == CompareOp.GE) {
          used.add(lower);
        }
        if (upper.op() == CompareOp.LE) {
          used.add(upper);
        }
      } else if (lower != null || upper != null) {
        SortTerm one = lower != null ? lower : Objects.requireNonNull(upper, "one bound is");
        key += " AND " + s + " " + Objects.requireNonNull(one.op(), "a bound compares").symbol()
            + " " + value(ph, one.value());
        used.add(one);
      } else if (prefix != null) {
        key += " AND begins_with(" + s + ", " + value(ph, prefix.value()) + ")";
        used.add(prefix);
      }
      for (SortTerm t : sortTerms) {
        if (!used.contains(t)) {
          residual.add(t.term());
        }
      }
    }
    List<ExprNode> server = new ArrayList<>();
    for (ExprNode t : rest) {
      Set<Integer> cols = AndTerms.columns(t);
      boolean onKey = cols.contains(partition) || sort >= 0 && cols.contains(sort)
          || cols.stream().anyMatch(alsoKeys::contains);
      (onKey ? residual : server).add(t);
    }
    Cond filterCond = new ConditionWriter(table, args, ph).whenTrue(AndTerms.and(server));
    if (filterCond.equals(Cond.FALSE)) {
      return emptyParts(ph);
    }
    ExprNode residualExpr = AndTerms.and(residual);
    return new Parts(false, key, filterCond.textOrNull(),
        new RowPredicate(table, args, residualExpr), new TreeSet<>(AndTerms.columns(residualExpr)),
        ph);
  }

  private static Parts emptyParts(Placeholders ph) {
    return new Parts(true, null, null, null, Set.of(), ph);
  }

  private static String value(Placeholders ph, Value v) {
    return ph.value(AttributeCodec.encodePresent(v));
  }

  private static boolean isEmptyKey(Value v) {
    AttributeValue a = AttributeCodec.encodePresent(v);
    return a.s() != null && a.s().isEmpty() || a.b() != null && a.b().asByteArrayUnsafe().length == 0;
  }

  private static @Nullable SortTerm first(List<SortTerm> terms, CompareOp op) {
    for (SortTerm t : terms) {
      if (!t.beginsWith() && t.op() == op) {
        return t;
      }
    }
    return null;
  }

  /** The value of {@code column = value} in {@code t}, or null when {@code t} is not that. */
  public static @Nullable Value equality(ExprNode t, int column, List<Value> args) {
    if (t instanceof ExprNode.Compare c && c.op() == CompareOp.EQ) {
      if (isColumn(c.left(), column) && isValue(c.right())) {
        return valueOf(c.right(), args);
      }
      if (isColumn(c.right(), column) && isValue(c.left())) {
        return valueOf(c.left(), args);
      }
    }
    return null;
  }

  private static @Nullable SortTerm sortTerm(ExprNode t, int sort, List<Value> args) {
    if (t instanceof ExprNode.Compare c && c.op() != CompareOp.NE) {
      if (isColumn(c.left(), sort) && isValue(c.right())) {
        return new SortTerm(c.op(), false, valueOf(c.right(), args), t);
      }
      if (isColumn(c.right(), sort) && isValue(c.left())) {
        return new SortTerm(c.op().commute(), false, valueOf(c.left(), args), t);
      }
    }
    if (t instanceof ExprNode.Pattern p && p.kind() == ExprNode.PatternKind.STARTS_WITH
        && !p.ignoreCase() && isColumn(p.operand(), sort) && isValue(p.pattern())) {
      Value v = valueOf(p.pattern(), args);
      if (v.isNull() || v instanceof Value.Str s && !s.value().isEmpty()) {
        return new SortTerm(null, true, v, t);
      }
    }
    return null;
  }

  private static boolean isColumn(ExprNode e, int column) {
    return e instanceof ExprNode.Column c && c.index() == column;
  }

  private static boolean isValue(ExprNode e) {
    return e instanceof ExprNode.Arg || e instanceof ExprNode.Const;
  }

  private static Value valueOf(ExprNode e, List<Value> args) {
    return e instanceof ExprNode.Arg a ? args.get(a.index()) : ((ExprNode.Const) e).value();
  }
}
