package io.toasty.dynamo.op;

import io.toasty.dynamo.table.TableInfo;
import io.toasty.dynamo.table.Tables;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A PartiQL statement as DynamoDB receives it: the table it names by its schema name written as
 * the physical one (with the prefix), and what the driver learns from it to decode items: the
 * target table (null when it is none of the schema's), whether it reads an index (DynamoDB
 * refuses a strongly consistent read of a global index), and the select list when it is a plain
 * list of attribute names (null otherwise). Strings, quoted names, Ion literals and comments are
 * read past, so a keyword inside them is none.
 *
 * @param text     the statement to send
 * @param target   the table after {@code FROM}, {@code INTO} or {@code UPDATE}, or null
 * @param index    whether the target is {@code "table"."index"}
 * @param selected the attributes a {@code SELECT a, "b" FROM} lists, or null
 * @param star     whether the statement is {@code SELECT * FROM}
 */
record PartiqlText(String text, @Nullable TableInfo target, boolean index,
    @Nullable List<String> selected,
    boolean star) {

  /** {@code text} with its schema table names resolved against {@code tables}. */
  static PartiqlText of(String text, Tables tables) {
    List<Token> tokens = tokens(text);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    TableInfo target = null;
    boolean index = false;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token name = tokens.get(i + 1);
      if (!t.isWord("FROM", "INTO", "UPDATE") || !name.isName()) {
        continue;
      }
      TableInfo table = find(tables, name.name());
      if (table == null) {
        continue;
      }
      if (name.name().equals(table.name())) {
        out.append(text, copied, name.start()).append('"')
            .append(table.physicalName().replace("\"", "\"\"")).append('"');
        copied = name.end();
      }
      if (target == null) {
        target = table;
        index = i + 2 < tokens.size() && tokens.get(i + 2).text().equals(".");
      }
    }
    out.append(text, copied, text.length());
    return new PartiqlText(out.toString(), target, index, selected(tokens), star(tokens));
  }

  /** The schema table named {@code name}, by its schema or physical name, or null. */
  private static @Nullable TableInfo find(Tables tables, String name) {
    for (TableInfo t : tables.all()) {
      if (t.name().equals(name) || t.physicalName().equals(name)) {
        return t;
      }
    }
    return null;
  }

  /** The names a {@code SELECT} lists before its {@code FROM}, or null if not only names. */
  private static @Nullable List<String> selected(List<Token> tokens) {
    if (tokens.isEmpty() || !tokens.get(0).isWord("SELECT")) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (int i = 1; i < tokens.size(); i += 2) {
      Token t = tokens.get(i);
      if (!t.isName() || i + 1 >= tokens.size()) {
        return null;
      }
      names.add(t.name());
      Token next = tokens.get(i + 1);
      if (next.isWord("FROM")) {
        return names;
      }
      if (!next.text().equals(",")) {
        return null;
      }
    }
    return null;
  }

  private static boolean star(List<Token> tokens) {
    return tokens.size() > 2 && tokens.get(0).isWord("SELECT") && tokens.get(1).text().equals("*")
        && tokens.get(2).isWord("FROM");
  }

  /** A word, a quoted name, or another token, at {@code [start, end)} of the text. */
  private record Token(String text, int start, int end, boolean quoted) {
    boolean isWord(String... words) {
      if (quoted) {
        return false;
      }
      for (String w : words) {
        if (text.equalsIgnoreCase(w)) {
          return true;
        }
      }
      return false;
    }

    boolean isName() {
      char first = text.charAt(0);
      return quoted || Character.isLetter(first) || first == '_';
    }

    /** The name it stands for: a quoted name unquoted, a word as written. */
    String name() {
      return quoted ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text;
    }
  }

  /** The statement's tokens, strings, Ion literals and comments left out. */
  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("--", i)) {
        int end = s.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'' || c == '`') {
        i = closing(s, i, c);
      } else if (c == '"') {
        int end = closing(s, i, c);
        out.add(new Token(s.substring(i, end), i, end, true));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i + 1;
        while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
          end++;
        }
        out.add(new Token(s.substring(i, end), i, end, false));
        i = end;
      } else {
        out.add(new Token(String.valueOf(c), i, i + 1, false));
        i++;
      }
    }
    return out;
  }

  /** The index after the quote that closes the one at {@code i} (a doubled quote is kept). */
  private static int closing(String s, int i, char quote) {
    int j = i + 1;
    while (j < s.length()) {
      if (s.charAt(j) == quote) {
        if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return s.length();
  }
}
