package io.toasty.sqlite;

import io.toasty.sqlite.SqlCommand.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a statement string into {@link SqlCommand}s by reading it the way SQLite's tokenizer
 * does: string literals, quoted identifiers ({@code "a"}, {@code `a`}, {@code [a]}) and comments
 * are skipped whole; semicolons inside a {@code CREATE TRIGGER ... BEGIN ... END} body do not
 * split; parameters are numbered by SQLite's rules ({@code ?} takes the next slot, {@code ?NNN}
 * slot NNN, a name its first slot).
 */
final class SqlScanner {
  private final String text;
  private int pos;

  private SqlScanner(String text) {
    this.text = text;
  }

  /** The commands of {@code sql}, empty ones (only blanks, comments, semicolons) left out. */
  static List<SqlCommand> parse(String sql) {
    return new SqlScanner(sql).commands();
  }

  private List<SqlCommand> commands() {
    List<SqlCommand> out = new ArrayList<>(1);
    CommandBuilder command = new CommandBuilder();
    while (true) {
      skipBlanks();
      if (pos >= text.length()) {
        break;
      }
      int start = pos;
      char c = text.charAt(pos);
      if (c == ';' && command.triggerDepth == 0) {
        pos++;
        command.finish(text, start, out);
        command = new CommandBuilder();
        continue;
      }
      if (c == '\'') {
        skipQuoted('\'');
      } else if (c == '"' || c == '`') {
        skipQuoted(c);
      } else if (c == '[') {
        int close = text.indexOf(']', pos + 1);
        pos = close < 0 ? text.length() : close + 1;
      } else if (c == '?') {
        pos++;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
          pos++;
        }
        command.parameter(text.substring(start, pos));
      } else if ((c == ':' || c == '@' || c == '$') && pos + 1 < text.length()
          && isIdentifierPart(text.charAt(pos + 1))) {
        pos++;
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
          pos++;
        }
        command.parameter(text.substring(start, pos));
      } else if (isIdentifierStart(c)) {
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
          pos++;
        }
        command.word(text.substring(start, pos).toUpperCase(Locale.ROOT));
      } else if (isDigit(c)) {
        while (pos < text.length() && (isIdentifierPart(text.charAt(pos))
            || text.charAt(pos) == '.')) {
          pos++;
        }
      } else {
        pos++;
        if (c == '(') {
          command.depth++;
        } else if (c == ')') {
          command.depth--;
        }
      }
      command.token(start, pos);
    }
    command.finish(text, text.length(), out);
    return Collections.unmodifiableList(out);
  }

  private void skipBlanks() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && text.startsWith("--", pos)) {
        int eol = text.indexOf('\n', pos);
        pos = eol < 0 ? text.length() : eol + 1;
      } else if (c == '/' && text.startsWith("/*", pos)) {
        int close = text.indexOf("*/", pos + 2);
        pos = close < 0 ? text.length() : close + 2;
      } else {
        return;
      }
    }
  }

  /** Skips a quoted token whose quote is doubled inside it. */
  private void skipQuoted(char quote) {
    pos++;
    while (pos < text.length()) {
      if (text.charAt(pos) == quote) {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == quote) {
          pos += 2;
          continue;
        }
        pos++;
        return;
      }
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c) || c == '$';
  }

  /** What is known of the command being read. */
  private static final class CommandBuilder {
    int start = -1;
    int lastEnd;
    int depth;
    int triggerDepth;
    boolean trigger;
    int parameterCount;
    final Map<String, Integer> names = new LinkedHashMap<>();
    final List<String> topWords = new ArrayList<>();

    void token(int from, int to) {
      if (start < 0) {
        start = from;
      }
      lastEnd = to;
    }

    void word(String word) {
      if (depth != 0) {
        return;
      }
      if (topWords.size() < 4 && topWords.size() >= 1 && word.equals("TRIGGER")
          && topWords.get(0).equals("CREATE")) {
        trigger = true;
      }
      if (trigger) {
        if (triggerDepth == 0 && word.equals("BEGIN")) {
          triggerDepth = 1;
        } else if (triggerDepth > 0 && word.equals("CASE")) {
          triggerDepth++;
        } else if (triggerDepth > 0 && word.equals("END")) {
          triggerDepth--;
        }
      }
      topWords.add(word);
    }

    void parameter(String name) {
      if (name.equals("?")) {
        parameterCount++;
        return;
      }
      if (name.charAt(0) == '?') {
        int index = Integer.parseInt(name.substring(1));
        parameterCount = Math.max(parameterCount, index);
        names.putIfAbsent(name, index - 1);
        return;
      }
      if (!names.containsKey(name)) {
        parameterCount++;
        names.put(name, parameterCount - 1);
      }
    }

    void finish(String text, int stop, List<SqlCommand> out) {
      if (start < 0) {
        return;
      }
      String sql = text.substring(start, stop);
      Kind kind = kind();
      out.add(new SqlCommand(sql, kind, parameterCount, Collections.unmodifiableMap(names),
          kind == Kind.DML && topWords.contains("RETURNING"), lastEnd - start));
    }

    private Kind kind() {
      if (topWords.isEmpty()) {
        return Kind.OTHER;
      }
      switch (topWords.get(0)) {
        case "SELECT", "VALUES", "EXPLAIN":
          return Kind.QUERY;
        case "INSERT", "REPLACE", "UPDATE", "DELETE":
          return Kind.DML;
        case "WITH":
          for (String w : topWords) {
            switch (w) {
              case "SELECT", "VALUES":
                return Kind.QUERY;
              case "INSERT", "REPLACE", "UPDATE", "DELETE":
                return Kind.DML;
              default:
                break;
            }
          }
          return Kind.OTHER;
        case "BEGIN":
          return Kind.BEGIN;
        case "COMMIT", "END":
          return Kind.COMMIT;
        case "ROLLBACK":
          return topWords.contains("TO") ? Kind.OTHER : Kind.ROLLBACK;
        case "SAVEPOINT":
          return Kind.SAVEPOINT;
        default:
          return Kind.OTHER;
      }
    }
  }
}
