package io.toasty.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A collection value as JSON text, for backends that store collections as documents: a list or
 * set as an array, a map as an object; strings and UUIDs as strings, numbers and booleans as
 * themselves. Reading takes the collection's type, so that items come back as their exact value
 * variants ({@code I16}, not a long).
 */
public final class CollectionJson {
  private CollectionJson() {}

  /**
   * The JSON text of {@code v}, an {@link Value.Items} or {@link Value.Entries}.
   *
   * @throws IllegalArgumentException for another value or a NULL or non-finite item
   */
  public static String write(Value v) {
    StringBuilder out = new StringBuilder();
    if (v instanceof Value.Items items) {
      out.append('[');
      for (int i = 0; i < items.items().size(); i++) {
        out.append(i == 0 ? "" : ",");
        scalar(items.items().get(i), out);
      }
      return out.append(']').toString();
    }
    if (v instanceof Value.Entries entries) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> e : entries.entries().entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        string(e.getKey(), out);
        out.append(':');
        scalar(e.getValue(), out);
      }
      return out.append('}').toString();
    }
    throw new IllegalArgumentException("no collection: " + v);
  }

  /**
   * The JSON text of one item ({@code "a"}, {@code 5}, {@code true}), as a collection's document
   * holds it.
   *
   * @throws IllegalArgumentException for NULL or a number that is not finite
   */
  public static String itemText(Value item) {
    StringBuilder out = new StringBuilder();
    scalar(item, out);
    return out.toString();
  }

  private static void scalar(Value v, StringBuilder out) {
    if (v instanceof Value.Str s) {
      string(s.value(), out);
    } else if (v instanceof Value.Uuid u) {
      string(u.value().toString(), out);
    } else if (v instanceof Value.F64 d) {
      if (Double.isNaN(d.value()) || Double.isInfinite(d.value())) {
        throw new IllegalArgumentException("JSON has no number " + d.value());
      }
      out.append(d.value());
    } else if (v instanceof Value.Bool || v instanceof Value.I8 || v instanceof Value.I16
        || v instanceof Value.I32 || v instanceof Value.I64) {
      out.append(v.toJava());
    } else {
      throw new IllegalArgumentException("no JSON item for " + v);
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * The collection of type {@code type} that JSON text {@code text} holds.
   *
   * @throws IllegalArgumentException when the text is no such collection
   */
  public static Value read(String text, Type.CollectionOf type) {
    Reader r = new Reader(text);
    Value out;
    if (type.shape() == Type.CollectionOf.Shape.MAP) {
      Map<String, Value> entries = new LinkedHashMap<>();
      r.expect('{');
      if (!r.skip('}')) {
        do {
          String key = r.string();
          r.expect(':');
          entries.put(key, item(r, type.item()));
        } while (r.skip(','));
        r.expect('}');
      }
      out = new Value.Entries(type, entries);
    } else {
      List<Value> items = new ArrayList<>();
      r.expect('[');
      if (!r.skip(']')) {
        do {
          items.add(item(r, type.item()));
        } while (r.skip(','));
        r.expect(']');
      }
      out = new Value.Items(type, items);
    }
    r.end();
    return out;
  }

  /** An item of type {@code item}: the scalar's exact variant. */
  public static Value item(Object raw, Type.Scalar item) {
    if (raw instanceof String s) {
      return switch (item) {
        case STRING -> new Value.Str(s);
        case UUID -> new Value.Uuid(UUID.fromString(s));
        default -> throw new IllegalArgumentException("\"" + s + "\" is no " + item);
      };
    }
    if (raw instanceof Boolean b && item == Type.Scalar.BOOL) {
      return Value.of(b);
    }
    if (raw instanceof BigDecimal n) {
      return switch (item) {
        case I8 -> new Value.I8(n.byteValueExact());
        case I16 -> new Value.I16(n.shortValueExact());
        case I32 -> new Value.I32(n.intValueExact());
        case I64 -> new Value.I64(n.longValueExact());
        case F64 -> new Value.F64(n.doubleValue());
        default -> throw new IllegalArgumentException(n + " is no " + item);
      };
    }
    throw new IllegalArgumentException(raw + " is no " + item);
  }

  private static Value item(Reader r, Type.Scalar item) {
    return item(r.scalar(), item);
  }

  /** A reader of the JSON the writer above writes, with any whitespace a database adds. */
  private static final class Reader {
    private final String s;
    private int i;

    Reader(String s) {
      this.s = s;
    }

    private void space() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    boolean skip(char c) {
      space();
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!skip(c)) {
        throw fail("'" + c + "'");
      }
    }

    void end() {
      space();
      if (i != s.length()) {
        throw fail("the end");
      }
    }

    Object scalar() {
      space();
      if (i < s.length() && s.charAt(i) == '"') {
        return string();
      }
      int start = i;
      while (i < s.length() && "+-.0123456789eEtruefalsn".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      String token = s.substring(start, i);
      return switch (token) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        case "" , "null" -> throw fail("an item");
        default -> new BigDecimal(token);
      };
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      }
      throw fail("'\"'");
    }

    private IllegalArgumentException fail(String expected) {
      return new IllegalArgumentException("stored collection " + s + ": expected " + expected
          + " at " + i);
    }
  }
}
