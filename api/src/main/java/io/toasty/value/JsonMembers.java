package io.toasty.value;

import org.jspecify.annotations.Nullable;

/**
 * Finds and removes one top-level member of a JSON object's text, without reading the rest into
 * objects (so numbers and strings keep their exact text for the codec that reads them after).
 * The text is taken to be valid JSON, as a database returns it; keys are compared as written.
 */
final class JsonMembers {
  private JsonMembers() {}

  /** {@code text} without its top-level member {@code key}, or null when it has none. */
  static TaggedJson.@Nullable Stored untag(String text, String key) {
    String quoted = "\"" + key + "\"";
    int i = skipSpace(text, 0);
    if (i >= text.length() || text.charAt(i) != '{') {
      return null;
    }
    int previousEnd = -1; // where the member before the current one ends
    i = skipSpace(text, i + 1);
    while (i < text.length() && text.charAt(i) == '"') {
      int keyEnd = skipString(text, i);
      int valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
      int valueEnd = skipValue(text, valueStart);
      int next = skipSpace(text, valueEnd);
      if (text.substring(i, keyEnd).equals(quoted)) {
        String value = text.substring(valueStart, valueEnd);
        String rest = previousEnd >= 0 ? text.substring(0, previousEnd) + text.substring(valueEnd)
            : text.charAt(next) == ',' ? text.substring(0, i) + text.substring(skipSpace(text,
                next + 1))
            : text.substring(0, i) + text.substring(next);
        return new TaggedJson.Stored(value, rest);
      }
      if (next >= text.length() || text.charAt(next) != ',') {
        return null;
      }
      previousEnd = valueEnd;
      i = skipSpace(text, next + 1);
    }
    return null;
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index after the string starting at {@code i} (its opening quote). */
  private static int skipString(String text, int i) {
    int j = i + 1;
    while (j < text.length() && text.charAt(j) != '"') {
      j += text.charAt(j) == '\\' ? 2 : 1;
    }
    return j + 1;
  }

  /** The index after the value starting at {@code i}. */
  private static int skipValue(String text, int i) {
    if (i >= text.length()) {
      return i;
    }
    char c = text.charAt(i);
    if (c == '"') {
      return skipString(text, i);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      int j = i;
      while (j < text.length()) {
        char d = text.charAt(j);
        if (d == '"') {
          j = skipString(text, j);
          continue;
        }
        if (d == '{' || d == '[') {
          depth++;
        } else if ((d == '}' || d == ']') && --depth == 0) {
          return j + 1;
        }
        j++;
      }
      return j;
    }
    int j = i;
    while (j < text.length() && ",}] \t\r\n".indexOf(text.charAt(j)) < 0) {
      j++;
    }
    return j;
  }
}
