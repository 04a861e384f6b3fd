package io.toasty;

import io.toasty.stmt.ExprNode.FuncOp;
import io.toasty.stmt.ExprNode.PatternKind;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A string field: a {@link Path} with text matching. The text given to {@code startsWith},
 * {@code endsWith} and {@code contains} is matched literally ({@code "50%"} matches a percent
 * sign); {@link #like} takes an SQL LIKE pattern with {@code %}, {@code _} and backslash escapes.
 *
 * <pre>{@code
 * Users.filter(Users.NAME.startsWith("Ca").or(Users.EMAIL.endsWithIgnoreCase("@EXAMPLE.COM")))
 * }</pre>
 */
public class StringPath extends Path<String> {

  public StringPath(String model, int index, String name) {
    super(model, index, name, Type.Scalar.STRING);
  }

  /** A string field inside an {@code Optional} embedded record field; see {@link Path}. */
  public StringPath(String model, int index, String name, String wholeOnly) {
    super(model, index, name, Type.Scalar.STRING, wholeOnly);
  }

  /** Whether the text begins with {@code prefix} (case-sensitively). */
  public final Condition startsWith(String prefix) {
    return pattern(PatternKind.STARTS_WITH, prefix, false);
  }

  /** Whether the text begins with {@code prefix}, ignoring case. */
  public final Condition startsWithIgnoreCase(String prefix) {
    return pattern(PatternKind.STARTS_WITH, prefix, true);
  }

  /** Whether the text ends with {@code suffix} (case-sensitively). */
  public final Condition endsWith(String suffix) {
    return pattern(PatternKind.ENDS_WITH, suffix, false);
  }

  /** Whether the text ends with {@code suffix}, ignoring case. */
  public final Condition endsWithIgnoreCase(String suffix) {
    return pattern(PatternKind.ENDS_WITH, suffix, true);
  }

  /** Whether the text contains {@code part} (case-sensitively). */
  public final Condition contains(String part) {
    return pattern(PatternKind.CONTAINS, part, false);
  }

  /** Whether the text contains {@code part}, ignoring case. */
  public final Condition containsIgnoreCase(String part) {
    return pattern(PatternKind.CONTAINS, part, true);
  }

  /** Whether the text matches the SQL LIKE {@code pattern} (case-sensitively). */
  public final Condition like(String pattern) {
    return pattern(PatternKind.LIKE, pattern, false);
  }

  /** Whether the text matches the SQL LIKE {@code pattern}, ignoring case. */
  public final Condition likeIgnoreCase(String pattern) {
    return pattern(PatternKind.LIKE, pattern, true);
  }

  /**
   * Whether the text equals {@code value} ignoring case: {@code LOWER(this) = lower(value)}. Case
   * folding outside ASCII is the database's (SQLite folds ASCII letters only).
   */
  public final Condition eqIgnoreCase(String value) {
    Objects.requireNonNull(value, "value");
    return lower().eq(value.toLowerCase(Locale.ROOT));
  }

  /** Whether the text is one of {@code values} ignoring case; an empty list matches nothing. */
  public final Condition inIgnoreCase(Collection<String> values) {
    List<String> lowered = new ArrayList<>(values.size());
    for (String v : values) {
      lowered.add(Objects.requireNonNull(v, "value").toLowerCase(Locale.ROOT));
    }
    return lower().in(lowered);
  }

  /** Whether the text is one of {@code values} ignoring case. */
  public final Condition inIgnoreCase(String... values) {
    return inIgnoreCase(Arrays.asList(values));
  }

  /** {@code LOWER(this)}: the text in lower case; NULL stays NULL. */
  public final Expr<String> lower() {
    return function(FuncOp.LOWER, Type.Scalar.STRING);
  }

  /** {@code UPPER(this)}: the text in upper case; NULL stays NULL. */
  public final Expr<String> upper() {
    return function(FuncOp.UPPER, Type.Scalar.STRING);
  }

  /** The text's length in characters (code points, not bytes); NULL stays NULL. */
  public final NumberExpr<Long> length() {
    return new NumberExpr<>(new ExprNode.Func(FuncOp.LENGTH, node()),
        Type.Scalar.I64);
  }

  private Expr<String> function(FuncOp op, Type type) {
    return new Expr<>(new ExprNode.Func(op, node()), type);
  }

  private Condition pattern(PatternKind kind, String text, boolean ignoreCase) {
    Objects.requireNonNull(text, "pattern");
    return new Condition(new ExprNode.Pattern(kind, node(), literal(text), ignoreCase));
  }
}
