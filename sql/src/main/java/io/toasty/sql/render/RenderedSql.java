package io.toasty.sql.render;

import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A statement rendered for one dialect: SQL text and, per bind marker in text order, where its
 * value comes from and what type it is expected to have. Immutable once built; shared by every
 * execution of the statement instance it was rendered from.
 *
 * @param sql              the SQL text; values appear only as bind markers
 * @param argOrder         per marker, the {@code Expr.Arg} index whose value it binds, or -1 when
 *                         the marker binds {@code constants[k]} (a non-null {@code Expr.Const})
 *                         or an array ({@code arrays[k]})
 * @param markerTypes      per marker, the type of the column it is compared with or assigned to,
 *                         or {@code null} when no column gives one; used to bind NULL with a class
 * @param constants        per marker, the constant it binds, or {@code null}
 * @param patterns         per marker, how its value becomes a pattern (pattern predicates), or
 *                         {@code null}
 * @param arrays           per marker, the arguments it binds as one array (its type is the
 *                         elements' type), or {@code null}
 * @param generatedColumns for an insert under {@code InsertReturning.GENERATED_VALUES}, the
 *                         column names to pass to {@code Statement.returnGeneratedValues}; else empty
 * @param returnTypes      the type of each returned column, as the schema gives them (empty for a
 *                         count, and for returned expressions that are not columns)
 * @param returnsRows      whether executing the statement yields rows rather than a count
 * @param echo             for an insert that returns only some of {@code returnTypes}' columns
 *                         and takes the others from the values it binds, how its rows are made
 *                         whole; else {@code null}
 */
public record RenderedSql(String sql, int[] argOrder, Type[] markerTypes, Value[] constants,
    PatternBinding[] patterns, ArrayMarker[] arrays, List<String> generatedColumns,
    List<Type> returnTypes, boolean returnsRows, @Nullable InsertEcho echo) {

  public RenderedSql {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(argOrder, "argOrder");
    Objects.requireNonNull(markerTypes, "markerTypes");
    Objects.requireNonNull(constants, "constants");
    Objects.requireNonNull(patterns, "patterns");
    Objects.requireNonNull(arrays, "arrays");
    if (markerTypes.length != argOrder.length || constants.length != argOrder.length
        || patterns.length != argOrder.length || arrays.length != argOrder.length) {
      throw new IllegalArgumentException("one entry per marker expected");
    }
    generatedColumns = List.copyOf(generatedColumns);
    returnTypes = List.copyOf(returnTypes);
  }

  /** The number of bind markers. */
  public int markerCount() {
    return argOrder.length;
  }

  /**
   * The value that marker {@code k} binds, taken from {@code args} or the constants (and made a
   * pattern where the marker is a pattern predicate's); a {@code Value.ListValue} for an array.
   */
  public Value valueAt(int k, List<Value> args) {
    if (arrays[k] != null) {
      return arrays[k].value(args);
    }
    int arg = argOrder[k];
    Value value = arg < 0 ? constants[k] : arg(arg, args);
    return patterns[k] == null ? value : patterns[k].apply(value);
  }

  /**
   * A marker that binds a list of arguments as one array: {@code a = ANY($1)}, or a join on
   * {@code UNNEST(?)}.
   *
   * @param args      the {@code Expr.Arg} indexes, in list order
   * @param dropNulls whether NULL items are left out: a join matches no row with a NULL, so the
   *                  array need not hold one (and r2dbc-h2 cannot bind a null element)
   */
  public record ArrayMarker(int[] args, boolean dropNulls) {
    Value value(List<Value> all) {
      List<Value> items = new ArrayList<>(args.length);
      for (int arg : args) {
        Value v = arg(arg, all);
        if (!(dropNulls && v.isNull())) {
          items.add(v);
        }
      }
      return new Value.ListValue(items);
    }
  }

  private static Value arg(int arg, List<Value> args) {
    if (arg >= args.size()) {
      throw new IllegalArgumentException("the statement reads argument " + arg + " but only "
          + args.size() + " were given");
    }
    return args.get(arg);
  }

  @Override
  public String toString() {
    return "RenderedSql[" + sql + ", args " + Arrays.toString(argOrder) + "]";
  }
}
