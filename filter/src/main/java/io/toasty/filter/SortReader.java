package io.toasty.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.toasty.Order;
import io.toasty.schema.app.FieldSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a sort, {@code "-createdAt,id"} or {@code ["-createdAt", "id"]}: allowed fields, each
 * ascending unless prefixed with {@code -} ({@code +} is allowed too).
 */
final class SortReader {
  private final FilterLimits limits;

  SortReader(FilterLimits limits) {
    this.limits = limits;
  }

  List<Order> read(FilterSpec spec, JsonNode node, InputPath path) {
    List<String> terms = new ArrayList<>();
    if (node.isTextual()) {
      text(spec, node.textValue(), path);
      for (String t : node.textValue().split(",", -1)) {
        terms.add(t.strip());
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size() && i <= limits.maxListLength(); i++) {
        if (!node.get(i).isTextual()) {
          throw ConditionReader.error(spec.model().name(), null, path.index(i),
              "expected a field name, got " + ValueReader.describe(node.get(i)));
        }
        terms.add(text(spec, node.get(i).textValue(), path.index(i)).strip());
      }
    } else {
      throw ConditionReader.error(spec.model().name(), null, path,
          "expected a sort such as \"-createdAt,id\", got " + ValueReader.describe(node));
    }
    if (terms.size() > limits.maxListLength()) {
      throw ConditionReader.error(spec.model().name(), null, path, "more than the limit of "
          + limits.maxListLength() + " sort fields");
    }
    List<Order> out = new ArrayList<>(terms.size());
    for (String term : terms) {
      out.add(order(spec, term, path));
    }
    return out;
  }

  private String text(FilterSpec spec, String s, InputPath path) {
    if (s.length() > limits.maxStringLength()) {
      throw ConditionReader.error(spec.model().name(), null, path,
          "a sort longer than the limit of " + limits.maxStringLength() + " characters");
    }
    return s;
  }

  private static Order order(FilterSpec spec, String term, InputPath path) {
    boolean desc = term.startsWith("-");
    String name = desc || term.startsWith("+") ? term.substring(1) : term;
    FieldSchema field = spec.field(name);
    if (field == null) {
      throw ConditionReader.error(spec.model().name(), null, path, "no field '"
          + InputPath.quote(name) + "' may be sorted on (allowed: " + spec.allowedFields() + ")");
    }
    return new Order(new OrderBy(new ExprNode.Field(spec.model().name(), field.index()),
        desc ? OrderBy.Direction.DESC : OrderBy.Direction.ASC));
  }
}
