package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.value.Value;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A Cypher statement's {@code $name} parameters with their bound values: what
 * {@link CypherStatement} sends. Cypher names its parameters itself, so the text travels as it is;
 * this only checks, as {@link BoundText} does for SQL, that every parameter is bound and every
 * binding used. Strings, quoted names and comments are skipped: a {@code $} inside them is text.
 */
final class CypherParams {
  private static final String LANGUAGE = "Cypher";

  private CypherParams() {}

  /**
   * The values of {@code text}'s parameters, by name.
   *
   * @throws InvalidStatementException for an unclosed quote or comment, a parameter without a
   *     value, a value without a parameter, or a value of no storable type
   */
  static Map<String, Value> of(String text, Map<String, Object> bindings) {
    Set<String> names = names(text);
    Map<String, Value> params = new LinkedHashMap<>();
    for (String name : names) {
      if (!bindings.containsKey(name)) {
        throw new InvalidStatementException(null, null, LANGUAGE + ": no value bound to $"
            + name);
      }
      params.put(name, value(name, bindings.get(name)));
    }
    for (String name : bindings.keySet()) {
      if (!names.contains(name)) {
        throw new InvalidStatementException(null, null, LANGUAGE + ": $" + name
            + " was bound but the statement has no such parameter");
      }
    }
    return params;
  }

  /** The parameter names of {@code text}, in order of first appearance. */
  static Set<String> names(String text) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = closing(text, i, String.valueOf(c));
      } else if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end + 1;
      } else if (text.startsWith("/*", i)) {
        i = closing(text, i + 1, "*/");
      } else if (c == '$' && i + 1 < text.length()
          && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
        int end = i + 1;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
          end++;
        }
        names.add(text.substring(i + 1, end));
        i = end;
      } else {
        i++;
      }
    }
    return names;
  }

  /** The index after the {@code close} that ends the quote or comment opened at {@code open}. */
  private static int closing(String text, int open, String close) {
    int i = open + 1;
    while (i < text.length()) {
      if (close.length() == 1 && text.charAt(i) == '\\') {
        i += 2;
      } else if (text.startsWith(close, i)) {
        return i + close.length();
      } else {
        i++;
      }
    }
    throw new InvalidStatementException(null, null, LANGUAGE + ": unclosed " + close
        + " opened at offset " + open);
  }

  private static Value value(String name, Object value) {
    try {
      return Value.of(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidStatementException(null, null, LANGUAGE + ": the value of $" + name + ": "
          + e.getMessage());
    }
  }
}
