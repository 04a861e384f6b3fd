package io.toasty.planner.eval;

import io.toasty.stmt.ExprNode.PatternKind;
import java.util.Locale;

/**
 * Text matching in memory, with the semantics every backend is held to: literal text for
 * starts-with, ends-with and contains; for LIKE, {@code %} matches any run, {@code _} one
 * character, and a backslash makes the next character literal.
 */
final class PatternMatch {
  private PatternMatch() {}

  static boolean matches(PatternKind kind, String text, String pattern, boolean ignoreCase) {
    String t = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
    return switch (kind) {
      case STARTS_WITH -> t.startsWith(p);
      case ENDS_WITH -> t.endsWith(p);
      case CONTAINS -> t.contains(p);
      case LIKE -> like(t, 0, p, 0);
    };
  }

  private static boolean like(String t, int ti, String p, int pi) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '%') {
        for (int k = ti; k <= t.length(); k++) {
          if (like(t, k, p, pi + 1)) {
            return true;
          }
        }
        return false;
      }
      if (ti >= t.length()) {
        return false;
      }
      if (c == '\\' && pi + 1 < p.length()) {
        pi++;
        c = p.charAt(pi);
        if (t.charAt(ti) != c) {
          return false;
        }
      } else if (c != '_' && t.charAt(ti) != c) {
        return false;
      }
      ti++;
      pi++;
    }
    return ti == t.length();
  }
}
