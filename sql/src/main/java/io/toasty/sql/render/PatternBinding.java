package io.toasty.sql.render;

import io.toasty.stmt.ExprNode.PatternKind;
import io.toasty.value.Value;

/**
 * How the text bound for a pattern predicate becomes the pattern the database matches: literal
 * text (startsWith, endsWith, contains) has the pattern language's special characters escaped and
 * the wildcards added around it; a LIKE pattern is kept, or translated to GLOB.
 *
 * <p>LIKE patterns escape with a backslash: {@code %}, {@code _} and {@code \} in literal text
 * become {@code \%}, {@code \_} and {@code \\}. GLOB (SQLite, which has no case-sensitive LIKE)
 * escapes with brackets: {@code *}, {@code ?} and {@code [} become {@code [*]}, {@code [?]},
 * {@code [[]}; a LIKE pattern's {@code %} and {@code _} become {@code *} and {@code ?}.
 *
 * @param kind what the predicate matches
 * @param glob whether the database matches with GLOB rather than LIKE
 */
public record PatternBinding(PatternKind kind, boolean glob) {

  /** The pattern for the bound {@code value}; NULL stays NULL (and matches nothing). */
  public Value apply(Value value) {
    if (!(value instanceof Value.Str s)) {
      return value;
    }
    return new Value.Str(pattern(s.value()));
  }

  /** The pattern for {@code text}. */
  public String pattern(String text) {
    String any = glob ? "*" : "%";
    return switch (kind) {
      case STARTS_WITH -> literal(text) + any;
      case ENDS_WITH -> any + literal(text);
      case CONTAINS -> any + literal(text) + any;
      case LIKE -> glob ? likeToGlob(text) : text;
    };
  }

  private String literal(String text) {
    return glob ? globLiteral(text) : likeLiteral(text);
  }

  /** {@code text} as a LIKE pattern that matches exactly it (escape character {@code \}). */
  static String likeLiteral(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** {@code text} as a GLOB pattern that matches exactly it. */
  static String globLiteral(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      appendGlobLiteral(out, text.charAt(i));
    }
    return out.toString();
  }

  private static void appendGlobLiteral(StringBuilder out, char c) {
    switch (c) {
      case '*' -> out.append("[*]");
      case '?' -> out.append("[?]");
      case '[' -> out.append("[[]");
      default -> out.append(c);
    }
  }

  /** A LIKE pattern (escape character {@code \}) as the GLOB pattern that matches the same. */
  static String likeToGlob(String like) {
    StringBuilder out = new StringBuilder(like.length() + 8);
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        appendGlobLiteral(out, like.charAt(++i));
      } else if (c == '%') {
        out.append('*');
      } else if (c == '_') {
        out.append('?');
      } else {
        appendGlobLiteral(out, c);
      }
    }
    return out.toString();
  }
}
