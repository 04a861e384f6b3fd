package io.toasty;

import io.toasty.stmt.Expr.PatternKind;
import io.toasty.value.Type;
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

  private Condition pattern(PatternKind kind, String text, boolean ignoreCase) {
    Objects.requireNonNull(text, "pattern");
    return new Condition(new io.toasty.stmt.Expr.Pattern(kind, node(), literal(text), ignoreCase));
  }
}
