package io.toasty.planner.eval;

import io.toasty.value.Value;
import java.util.List;

/**
 * The text of the scalar at a path of object keys inside a stored JSON document, as the engine
 * evaluates {@code ExprNode.JsonText} after a read on a backend whose own filters cannot (DynamoDB,
 * which keeps a document as {@code M}/{@code L} attributes): a string as it is, a number or
 * boolean as its JSON text, NULL for a JSON null, an object, an array or a missing key (as
 * MariaDB's {@code JSON_VALUE}). Only the path's way through the document is decoded; the rest is
 * skipped.
 */
final class JsonPathText {
  private final String text;
  private int at;

  private JsonPathText(String text) {
    this.text = text;
  }

  /** The text at {@code path} inside {@code document} (a {@code Value.Json}), or NULL. */
  static Value of(Value document, List<String> path) {
    if (!(document instanceof Value.Json json) || json.text() == null) {
      return Value.NULL;
    }
    return new JsonPathText(json.text()).at(path);
  }

  private Value at(List<String> path) {
    for (String key : path) {
      if (!enter(key)) {
        return Value.NULL;
      }
    }
    space();
    char c = peek();
    if (c == '"') {
      return new Value.Str(string());
    }
    if (c == '{' || c == '[' || text.startsWith("null", at)) {
      return Value.NULL;
    }
    int start = at;
    skipValue();
    return new Value.Str(text.substring(start, at));
  }

  /** Moves into the value of {@code key} of the object here; false when there is none. */
  private boolean enter(String key) {
    space();
    if (peek() != '{') {
      return false;
    }
    at++;
    space();
    if (peek() == '}') {
      return false;
    }
    while (true) {
      space();
      String name = string();
      space();
      expect(':');
      if (name.equals(key)) {
        return true;
      }
      skipValue();
      space();
      if (peek() == '}') {
        return false;
      }
      expect(',');
    }
  }

  private void skipValue() {
    space();
    char c = peek();
    if (c == '"') {
      string();
    } else if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      at++;
      space();
      if (peek() == close) {
        at++;
        return;
      }
      while (true) {
        if (close == '}') {
          space();
          string();
          space();
          expect(':');
        }
        skipValue();
        space();
        if (peek() == close) {
          at++;
          return;
        }
        expect(',');
      }
    } else {
      while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
        at++;
      }
    }
  }

  /** The string starting here, unescaped. */
  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (peek() != '"') {
      char c = text.charAt(at++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = text.charAt(at++);
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        }
        default -> out.append(e);
      }
    }
    at++;
    return out.toString();
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private char peek() {
    if (at >= text.length()) {
      throw malformed();
    }
    return text.charAt(at);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw malformed();
    }
    at++;
  }

  private IllegalArgumentException malformed() {
    return new IllegalArgumentException("a stored JSON document is malformed at character " + at);
  }
}
