package io.toasty.dynamo.expr;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code ExpressionAttributeNames} ({@code #n0}, ...) and {@code ExpressionAttributeValues}
 * ({@code :v0}, ...) of one request. Every attribute name goes through a placeholder, so reserved
 * words ({@code order}, {@code select}) and any character are safe; every value is bound, never
 * spliced into the text.
 */
public final class Placeholders {
  private static final Pattern TOKEN = Pattern.compile("[#:][nv]\\d+");

  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, String> nameOf = new HashMap<>();
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();
  private final Map<AttributeValue, String> valueOf = new HashMap<>();

  /** The placeholder of attribute {@code attribute}, the same one each time. */
  public String name(String attribute) {
    return nameOf.computeIfAbsent(attribute, a -> {
      String p = "#n" + names.size();
      names.put(p, a);
      return p;
    });
  }

  /** The placeholder of {@code value}; equal values share one. */
  public String value(AttributeValue value) {
    return valueOf.computeIfAbsent(value, v -> {
      String p = ":v" + values.size();
      values.put(p, v);
      return p;
    });
  }

  /**
   * The names, or null when there are none (DynamoDB refuses an empty map), keeping only those
   * that the final expressions use (it also refuses unused ones).
   */
  public @Nullable Map<String, String> names(@Nullable String... expressions) {
    Map<String, String> out = new LinkedHashMap<>();
    used(expressions).forEach(p -> {
      if (names.containsKey(p)) {
        out.put(p, names.get(p));
      }
    });
    return out.isEmpty() ? null : out;
  }

  /** The values the final expressions use, or null when there are none. */
  public @Nullable Map<String, AttributeValue> values(@Nullable String... expressions) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    used(expressions).forEach(p -> {
      if (values.containsKey(p)) {
        out.put(p, values.get(p));
      }
    });
    return out.isEmpty() ? null : out;
  }

  private static Set<String> used(@Nullable String... expressions) {
    Set<String> out = new LinkedHashSet<>();
    for (String e : expressions) {
      if (e == null) {
        continue;
      }
      Matcher m = TOKEN.matcher(e);
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }
}
