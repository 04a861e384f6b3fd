package io.toasty.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toasty.error.InvalidFilterException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns query parameters ({@code ?name[startsWith]=A&age[gte]=18&sort=-name&limit=20}) into the
 * query document they stand for ({@code {"filter": {"name": {"$startsWith": "A"}, "age":
 * {"$gte": "18"}}, "sort": "-name", "limit": "20"}}), whose text values the lenient reader
 * converts. A parameter given several times is a list ({@code id[in]=a&id[in]=b}). The
 * document's own members ({@code sort}, {@code limit}, ..) are named by the caller; parameters
 * it ignores are left out, every other one is a filter term.
 */
final class ParamDocument {
  private static final Pattern KEY =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,127})(?:\\[([A-Za-z]{1,64})\\])?");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ParamDocument() {}

  /**
   * @param members the parameters that are members of the document, not filter terms
   * @param ignored the parameters that are neither (the endpoint's own)
   */
  static ObjectNode of(String model, Map<String, ? extends List<String>> params,
      FilterLimits limits, Set<String> members, Set<String> ignored) {
    checkSize(model, params, limits, ignored);
    ObjectNode doc = NODES.objectNode();
    ObjectNode filter = doc.putObject("filter");
    for (Map.Entry<String, ? extends List<String>> e : params.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (ignored.contains(key)) {
        continue;
      }
      List<String> values = e.getValue() == null ? List.of() : e.getValue();
      InputPath path = InputPath.ROOT.key(key);
      if (members.contains(key)) {
        doc.set(key, single(model, path, values));
        continue;
      }
      Matcher m = KEY.matcher(key);
      if (!m.matches()) {
        throw new InvalidFilterException(model, null, path.text(), "expected a parameter such as"
            + " name or name[startsWith], got '" + InputPath.quote(key) + "'");
      }
      String op = m.group(2) == null ? "$eq" : "$" + m.group(2);
      JsonNode value = op.equals("$in") || op.equals("$nin") ? list(values)
          : op.equals("$null") ? flag(single(model, path, values)) : single(model, path, values);
      JsonNode field = filter.get(m.group(1));
      ObjectNode ops = field instanceof ObjectNode o ? o : filter.putObject(m.group(1));
      ops.set(op, value);
    }
    return doc;
  }

  private static void checkSize(String model, Map<String, ? extends List<String>> params,
      FilterLimits limits, Set<String> ignored) {
    long chars = 0;
    int count = 0;
    for (Map.Entry<String, ? extends List<String>> e : params.entrySet()) {
      if (ignored.contains(String.valueOf(e.getKey()))) {
        continue;
      }
      count++;
      chars += String.valueOf(e.getKey()).length() + 1;
      for (String v : e.getValue() == null ? List.<String>of() : e.getValue()) {
        chars += v == null ? 0 : v.length() + 1;
      }
    }
    if (count > limits.maxTerms() || chars > limits.maxDocumentLength()) {
      throw new InvalidFilterException(model, null, "$", "the parameters exceed the limit of "
          + limits.maxTerms() + " parameters or " + limits.maxDocumentLength() + " characters");
    }
  }

  private static JsonNode single(String model, InputPath path, List<String> values) {
    if (values.size() != 1 || values.get(0) == null) {
      throw new InvalidFilterException(model, null, path.text(), "expected one value, got "
          + values.size());
    }
    return NODES.textNode(values.get(0));
  }

  private static JsonNode list(List<String> values) {
    var array = NODES.arrayNode(values.size());
    values.forEach(v -> array.add(v == null ? NODES.nullNode() : NODES.textNode(v)));
    return array;
  }

  private static JsonNode flag(JsonNode text) {
    return switch (text.textValue()) {
      case "true" -> NODES.booleanNode(true);
      case "false" -> NODES.booleanNode(false);
      default -> text;
    };
  }
}
