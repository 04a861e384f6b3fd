package io.toasty.filter;

import java.util.regex.Pattern;

/**
 * Where the parser is in the input, as a JSON path for error messages ({@code $.or[2].age.$gte}).
 * Keys that are not plain names are quoted, escaped and cut short: the message is safe to log and
 * to return to the caller who sent them.
 */
record InputPath(String text) {
  static final InputPath ROOT = new InputPath("$");
  private static final Pattern PLAIN = Pattern.compile("[$A-Za-z_][$A-Za-z0-9_]{0,63}");
  private static final int SHOWN = 40;

  /** The path of member {@code key} of the object here. */
  InputPath key(String key) {
    return new InputPath(PLAIN.matcher(key).matches() ? text + "." + key
        : text + "['" + quote(key) + "']");
  }

  /** The path of item {@code index} of the list here. */
  InputPath index(int index) {
    return new InputPath(text + "[" + index + "]");
  }

  /** {@code value} quoted for a message: escaped, and cut short when long. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder();
    int n = Math.min(value.length(), SHOWN);
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '\'' || c == '\\' || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return value.length() > SHOWN ? out.append("...").toString() : out.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
