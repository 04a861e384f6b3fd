package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.stmt.SqlText;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A raw statement's text cut at its {@code :name} parameters, with each parameter's bound value
 * in order: what {@link SqlStatement} and {@link PartiqlStatement} send. Every parameter must be
 * bound and every binding used, so that a typo is an error rather than a NULL.
 *
 * @param pieces the text around the parameters (one more than {@code args})
 * @param args   the parameters' values, in order of appearance
 */
record BoundText(List<String> pieces, List<Value> args) {

  /**
   * {@code text} with {@code bindings}; {@code language} names the statement in messages.
   *
   * @throws InvalidStatementException for a positional marker, an unclosed quote or comment, a
   *     parameter without a value, a value without a parameter, or a value of no storable type
   */
  static BoundText of(String language, String text, Map<String, Object> bindings) {
    SqlText parsed;
    try {
      parsed = SqlText.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidStatementException(null, null, language + ": " + e.getMessage());
    }
    List<Value> args = new ArrayList<>(parsed.names().size());
    for (String name : parsed.names()) {
      if (!bindings.containsKey(name)) {
        throw new InvalidStatementException(null, null, language + ": no value bound to :" + name);
      }
      args.add(value(language, name, bindings.get(name)));
    }
    for (String name : bindings.keySet()) {
      if (!parsed.names().contains(name)) {
        throw new InvalidStatementException(null, null, language + ": :" + name
            + " was bound but the statement has no such parameter");
      }
    }
    return new BoundText(parsed.pieces(), args);
  }

  /** {@code bindings} with {@code value} bound to {@code name} (null as NULL): a new map. */
  static Map<String, Object> with(Map<String, Object> bindings, String name,
      @Nullable Object value) {
    Objects.requireNonNull(name, "name");
    Map<String, Object> more = new LinkedHashMap<>(bindings);
    more.put(name, value == null ? Value.NULL : value);
    return more;
  }

  private static Value value(String language, String name, Object value) {
    try {
      return Value.of(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidStatementException(null, null, language + ": the value of :" + name + ": "
          + e.getMessage());
    }
  }
}
