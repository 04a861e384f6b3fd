package io.toasty.neo4j.cypher;

import java.util.regex.Pattern;

/**
 * An SQL LIKE pattern as the Java regular expression Cypher's {@code =~} matches whole: {@code %}
 * any run, {@code _} any one character, a backslash escapes the next character, everything else
 * literal.
 */
public final class LikeRegex {
  private LikeRegex() {}

  /** The regular expression for {@code like}, ignoring case (Unicode-aware) if asked. */
  public static String of(String like, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder(like.length() + 16);
    regex.append(ignoreCase ? "(?su)(?i)" : "(?s)");
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        literal.append(like.charAt(++i));
      } else if (c == '%' || c == '_') {
        flush(regex, literal);
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    flush(regex, literal);
    return regex.toString();
  }

  private static void flush(StringBuilder regex, StringBuilder literal) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }
}
