package io.toasty.stmt;

import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A query's {@link ShapeKey} and the values of its literals, in the order the planner numbers
 * its argument slots (the filter depth first, left to right, then the limit's count and offset).
 *
 * @param key    the shape's identity
 * @param values the literals' values, NULLs and booleans included (such a value sends the query
 *               the ordinary way, since the planner keeps it literal)
 */
public record Shaped(ShapeKey key, List<Value> values) {
  public Shaped {
    Objects.requireNonNull(key, "key");
    values = List.copyOf(values);
  }

  /**
   * {@code query}'s values under {@code key}, or null when the query is not of the simple form
   * whose values can be taken out by this walk: no filter, or one of ANDs and comparisons of
   * fields with literals, a model returning without includes, no order, a literal limit.
   */
  public static @Nullable Shaped of(ShapeKey key, Query query) {
    if (!(query.returning() instanceof Returning.Model m) || !m.includes().isEmpty()
        || !query.orderBy().isEmpty()) {
      return null;
    }
    List<Value> values = new ArrayList<>(2);
    // no filter (all()): TRUE is the same under its key every time, and no slot of the plan
    boolean unfiltered = query.filter().equals(ExprNode.TRUE);
    if (!unfiltered && !collect(query.filter(), values) || !limit(query.limit(), values)) {
      return null;
    }
    return new Shaped(key, values);
  }

  /** Adds the literals of {@code e} to {@code values}; false where {@code e} is not simple. */
  private static boolean collect(ExprNode e, List<Value> values) {
    if (e instanceof ExprNode.Const c) {
      values.add(c.value());
      return true;
    }
    if (e instanceof ExprNode.Field) {
      return true;
    }
    if (e instanceof ExprNode.Compare c) {
      return collect(c.left(), values) && collect(c.right(), values);
    }
    if (e instanceof ExprNode.And a) {
      for (ExprNode operand : a.operands()) {
        if (!collect(operand, values)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean limit(@Nullable Limit limit, List<Value> values) {
    if (limit == null) {
      return true;
    }
    return limit.partitionBy().isEmpty() && limit.count() instanceof ExprNode.Const
        && collect(limit.count(), values)
        && (limit.offset() == null || limit.offset() instanceof ExprNode.Const
            && collect(limit.offset(), values));
  }
}
