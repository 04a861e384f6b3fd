package io.toasty.r2dbc.sql;

import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * A statement rendered for one dialect: SQL text and, per bind marker in text order, where its
 * value comes from and what type it is expected to have. Immutable once built; shared by every
 * execution of the statement instance it was rendered from.
 *
 * @param sql              the SQL text; values appear only as bind markers
 * @param argOrder         per marker, the {@code Expr.Arg} index whose value it binds, or -1 when
 *                         the marker binds {@code constants[k]} (a non-null {@code Expr.Const})
 * @param markerTypes      per marker, the type of the column it is compared with or assigned to,
 *                         or {@code null} when no column gives one; used to bind NULL with a class
 * @param constants        per marker, the constant it binds, or {@code null}
 * @param patterns         per marker, how its value becomes a pattern (pattern predicates), or
 *                         {@code null}
 * @param generatedColumns for an insert under {@code InsertReturning.GENERATED_VALUES}, the
 *                         column names to pass to {@code Statement.returnGeneratedValues}; else empty
 * @param returnTypes      the type of each returned column, as the schema gives them (empty for a
 *                         count, and for returned expressions that are not columns)
 * @param returnsRows      whether executing the statement yields rows rather than a count
 */
public record RenderedSql(String sql, int[] argOrder, Type[] markerTypes, Value[] constants,
    PatternBinding[] patterns, List<String> generatedColumns, List<Type> returnTypes,
    boolean returnsRows) {

  public RenderedSql {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(argOrder, "argOrder");
    Objects.requireNonNull(markerTypes, "markerTypes");
    Objects.requireNonNull(constants, "constants");
    Objects.requireNonNull(patterns, "patterns");
    if (markerTypes.length != argOrder.length || constants.length != argOrder.length
        || patterns.length != argOrder.length) {
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
   * pattern where the marker is a pattern predicate's).
   */
  public Value valueAt(int k, List<Value> args) {
    int arg = argOrder[k];
    Value value;
    if (arg < 0) {
      value = constants[k];
    } else if (arg >= args.size()) {
      throw new IllegalArgumentException("the statement reads argument " + arg + " but only "
          + args.size() + " were given");
    } else {
      value = args.get(arg);
    }
    return patterns[k] == null ? value : patterns[k].apply(value);
  }

  @Override
  public String toString() {
    return "RenderedSql[" + sql + ", args " + java.util.Arrays.toString(argOrder) + "]";
  }
}
