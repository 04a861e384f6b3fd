package io.toasty.neo4j.cypher;

import io.toasty.schema.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The application's own Cypher with its node labels named as the driver names them: a label that
 * is a model of the schema ({@code (u:User)}, {@code WHERE u:User}) or a table ({@code users})
 * becomes its table's label, with the driver's label prefix, as a PartiQL statement's table gets
 * DynamoDB's table prefix, so that the same text runs whatever prefix the {@code Db} was built
 * with. Relationship types ({@code [:follows]}), map keys ({@code {name: $n}}), strings, quoted
 * names and comments are left as they are.
 */
public final class RawLabels {
  private RawLabels() {}

  /** {@code text} with every label naming a model or table of {@code schema} as its label. */
  public static String prefixed(String text, Schema schema, Names names) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    Deque<Character> open = new ArrayDeque<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int skipped = skipQuoted(text, i);
      if (skipped > i) {
        out.append(text, i, skipped);
        i = skipped;
      } else if (c == '(' || c == '[' || c == '{') {
        open.push(c);
        out.append(c);
        i++;
      } else if (c == ')' || c == ']' || c == '}') {
        open.poll();
        out.append(c);
        i++;
      } else if (c == ':' && (open.isEmpty() || open.peek() == '(')) {
        i = label(text, i + 1, schema, names, out.append(c));
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Copies the label at {@code from}, prefixed if it is a table; the index after it. */
  private static int label(String text, int from, Schema schema, Names names, StringBuilder out) {
    int start = from;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    out.append(text, from, start);
    String name;
    int end;
    if (start < text.length() && text.charAt(start) == '`') {
      end = text.indexOf('`', start + 1);
      if (end < 0) {
        return start;
      }
      name = text.substring(start + 1, end);
      end++;
    } else {
      end = start;
      while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
        end++;
      }
      name = text.substring(start, end);
    }
    String table = table(schema, name);
    if (table != null) {
      Names.quote(out, names.label(table));
    } else {
      out.append(text, start, end);
    }
    return end;
  }

  /** The table {@code name} stands for (a model's, or itself), or null for another label. */
  private static @Nullable String table(Schema schema, String name) {
    if (name.isEmpty()) {
      return null;
    }
    if (schema.hasModel(name)) {
      return schema.model(name).tableName();
    }
    return schema.tables().stream().anyMatch(t -> t.name().equals(name)) ? name : null;
  }

  /** The index after the string or comment at {@code i}, or {@code i} if none starts there. */
  private static int skipQuoted(String text, int i) {
    char c = text.charAt(i);
    if (c == '\'' || c == '"') {
      int j = i + 1;
      while (j < text.length() && text.charAt(j) != c) {
        j += text.charAt(j) == '\\' ? 2 : 1;
      }
      return Math.min(j + 1, text.length());
    }
    if (text.startsWith("//", i)) {
      int end = text.indexOf('\n', i);
      return end < 0 ? text.length() : end + 1;
    }
    if (text.startsWith("/*", i)) {
      int end = text.indexOf("*/", i + 2);
      return end < 0 ? text.length() : end + 2;
    }
    return i;
  }
}
