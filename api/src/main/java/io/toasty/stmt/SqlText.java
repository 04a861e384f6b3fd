package io.toasty.stmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SQL text with named parameters ({@code WHERE email = :email}), cut at them: {@code pieces} has
 * one more element than {@code names}, and parameter {@code i} stands between piece {@code i} and
 * piece {@code i + 1}. A name may appear several times. Text inside quotes ({@code '..'},
 * {@code ".."}, {@code `..`}) and comments ({@code --}, {@code /* *}{@code /}) is left alone, as
 * is a PostgreSQL cast ({@code ::text}).
 *
 * @param pieces the text around the parameters
 * @param names  the parameters' names, in order of appearance
 */
public record SqlText(List<String> pieces, List<String> names) {

  public SqlText {
    pieces = List.copyOf(pieces);
    names = List.copyOf(names);
    if (pieces.size() != names.size() + 1) {
      throw new IllegalArgumentException("one more piece than names");
    }
  }

  /**
   * The text cut at its {@code :name} parameters.
   *
   * @throws IllegalArgumentException for positional markers ({@code ?}, {@code $1}) outside
   *     quotes and comments, which would bypass the binding, or an unclosed quote or comment
   */
  public static SqlText parse(String sql) {
    return parse(sql, false);
  }

  /**
   * The text cut at its {@code :name} parameters and, with {@code operands}, also at its
   * {@code {n}} operand references (listed in {@link #names} as {@code "{n}"}).
   */
  public static SqlText parse(String sql, boolean operands) {
    Objects.requireNonNull(sql, "sql");
    List<String> pieces = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int skip = skipQuotedOrComment(sql, i);
      if (skip > i) {
        piece.append(sql, i, skip);
        i = skip;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        piece.append("::");
        i += 2;
        while (i < n && Character.isJavaIdentifierPart(sql.charAt(i))) {
          piece.append(sql.charAt(i++));
        }
      } else if (c == ':' && i + 1 < n && isNameStart(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && isNamePart(sql.charAt(end))) {
          end++;
        }
        pieces.add(piece.toString());
        piece.setLength(0);
        names.add(sql.substring(i + 1, end));
        i = end;
      } else if (operands && c == '{' && operandEnd(sql, i) > 0) {
        int end = operandEnd(sql, i);
        pieces.add(piece.toString());
        piece.setLength(0);
        names.add(sql.substring(i, end));
        i = end;
      } else if (c == '?' || (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        throw new IllegalArgumentException("positional marker '" + c + "' at " + i
            + ": use named parameters (:name) and bind(name, value)");
      } else {
        piece.append(c);
        i++;
      }
    }
    pieces.add(piece.toString());
    return new SqlText(pieces, names);
  }

  /** The index after the quoted text or comment at {@code i}, or {@code i} if none starts there. */
  private static int skipQuotedOrComment(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"' || c == '`') {
      int j = i + 1;
      while (j < sql.length()) {
        if (sql.charAt(j) == c) {
          if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
            j += 2; // a doubled quote stands for itself
            continue;
          }
          return j + 1;
        }
        j += sql.charAt(j) == '\\' && c == '\'' ? 2 : 1;
      }
      throw new IllegalArgumentException("unclosed " + c + " starting at " + i);
    }
    if (sql.startsWith("--", i)) {
      int end = sql.indexOf('\n', i);
      return end < 0 ? sql.length() : end;
    }
    if (sql.startsWith("/*", i)) {
      int end = sql.indexOf("*/", i + 2);
      if (end < 0) {
        throw new IllegalArgumentException("unclosed comment starting at " + i);
      }
      return end + 2;
    }
    return i;
  }

  /** The index after {@code {digits}} at {@code i}, or -1. */
  private static int operandEnd(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && j < i + 4 && Character.isDigit(sql.charAt(j))) {
      j++;
    }
    return j > i + 1 && j < sql.length() && sql.charAt(j) == '}' ? j + 1 : -1;
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
