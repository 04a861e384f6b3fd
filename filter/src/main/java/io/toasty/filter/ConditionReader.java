package io.toasty.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.toasty.error.InvalidFilterException;
import io.toasty.filter.Operator.Operand;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.Quantifier;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a filter document into the condition node the typed DSL builds, checking every name
 * against the {@link FilterSpec} and every size against the {@link FilterLimits}. One reader per
 * document: it counts the document's terms.
 */
final class ConditionReader {
  private static final Map<String, Quantifier> HAS_MANY =
      Map.of("$any", Quantifier.ANY, "$none", Quantifier.NONE, "$every", Quantifier.EVERY);
  private static final Map<String, Quantifier> TO_ONE =
      Map.of("$is", Quantifier.ANY, "$isNot", Quantifier.NONE);

  private final FilterLimits limits;
  private final Operators operators;
  private final ValueReader values;
  private int terms;

  ConditionReader(FilterLimits limits, Operators operators, boolean lenient) {
    this.limits = limits;
    this.operators = operators;
    this.values = new ValueReader(limits, lenient);
  }

  /** The condition of the filter object {@code node} over {@code spec}'s model. */
  ExprNode object(FilterSpec spec, JsonNode node, InputPath path, int depth) {
    String model = spec.model().name();
    if (!node.isObject()) {
      throw error(model, null, path, "expected a filter object, got " + ValueReader.describe(node));
    }
    if (depth > limits.maxDepth()) {
      throw error(model, null, path, "filters nest deeper than the limit of " + limits.maxDepth());
    }
    checkSize(model, null, path, node.size(), "members");
    List<ExprNode> parts = new ArrayList<>(node.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      parts.add(member(spec, e.getKey(), e.getValue(), path.key(e.getKey()), depth));
    }
    return parts.size() == 1 ? parts.get(0) : new ExprNode.And(parts);
  }

  private ExprNode member(FilterSpec spec, String key, JsonNode value, InputPath path, int depth) {
    String model = spec.model().name();
    countTerm(model, path);
    switch (key) {
      case "$and":
        return new ExprNode.And(list(spec, value, path, depth));
      case "$or":
        return new ExprNode.Or(list(spec, value, path, depth));
      case "$not":
        return new ExprNode.Not(object(spec, value, path, depth + 1));
      default:
        break;
    }
    if (key.length() > limits.maxStringLength()) {
      throw error(model, null, path, "a name longer than the limit of " + limits.maxStringLength());
    }
    FieldSchema field = spec.field(key);
    if (field != null) {
      return field(model, field, value, path);
    }
    RelationSchema relation = spec.relation(key);
    if (relation != null) {
      return relation(spec, relation, value, path, depth);
    }
    if (key.startsWith("$")) {
      throw error(model, null, path, "unknown operator '" + InputPath.quote(key)
          + "' (expected a field, $and, $or or $not)");
    }
    throw error(model, null, path, "no field '" + InputPath.quote(key) + "' may be filtered on"
        + " (allowed: " + spec.allowedFields() + ")");
  }

  private List<ExprNode> list(FilterSpec spec, JsonNode value, InputPath path, int depth) {
    String model = spec.model().name();
    if (!value.isArray() || value.isEmpty()) {
      throw error(model, null, path, "expected a non-empty list of filter objects, got "
          + ValueReader.describe(value));
    }
    checkSize(model, null, path, value.size(), "items");
    List<ExprNode> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      out.add(object(spec, value.get(i), path.index(i), depth + 1));
    }
    return out;
  }

  private ExprNode field(String model, FieldSchema field, JsonNode value, InputPath path) {
    ExprNode node = new ExprNode.Field(model, field.index());
    if (!value.isObject()) {
      return apply(model, field, Objects.requireNonNull(operators.get("$eq"), "$eq is built in"),
          node, value, path);
    }
    if (value.isEmpty()) {
      throw error(model, field.name(), path, "expected at least one operator");
    }
    checkSize(model, field.name(), path, value.size(), "operators");
    List<ExprNode> parts = new ArrayList<>(value.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      InputPath at = path.key(e.getKey());
      countTerm(model, at);
      Operator op = e.getKey().startsWith("$") ? operators.get(e.getKey()) : null;
      if (op == null) {
        throw error(model, field.name(), at, "unknown operator '" + InputPath.quote(e.getKey())
            + "' (expected one of " + operators.names() + ")");
      }
      parts.add(apply(model, field, op, node, e.getValue(), at));
    }
    return parts.size() == 1 ? parts.get(0) : new ExprNode.And(parts);
  }

  private ExprNode apply(
      String model, FieldSchema field, Operator op, ExprNode node, JsonNode value, InputPath path) {
    if (op.textOnly() && field.type() != Type.Scalar.STRING) {
      throw error(model, field.name(), path, op.name() + " applies to text fields only");
    }
    return op.build().apply(node, operand(model, field, op, value, path));
  }

  private List<Value> operand(String model, FieldSchema field, Operator op, JsonNode value,
      InputPath path) {
    switch (op.operand()) {
      case FLAG -> {
        if (!value.isBoolean()) {
          throw error(model, field.name(), path, "expected true or false, got "
              + ValueReader.describe(value));
        }
        return List.of(Value.of(value.booleanValue()));
      }
      case VALUES -> {
        if (!value.isArray()) {
          throw error(model, field.name(), path, "expected a list, got "
              + ValueReader.describe(value));
        }
        checkSize(model, field.name(), path, value.size(), "items");
        List<Value> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
          out.add(scalar(model, field, op, value.get(i), path.index(i), false));
        }
        return out;
      }
      default -> {
        return List.of(scalar(model, field, op, value, path,
            op.operand() == Operand.VALUE_OR_NULL));
      }
    }
  }

  private Value scalar(String model, FieldSchema field, Operator op, JsonNode value,
      InputPath path, boolean nullable) {
    if (value.isContainerNode()) {
      throw error(model, field.name(), path, "expected a value, got "
          + ValueReader.describe(value) + (value.isArray() ? " (use $in for a list)" : ""));
    }
    if (value.isNull() && !nullable) {
      throw error(model, field.name(), path, op.name() + " takes no null (use $null)");
    }
    return values.read(model, field, value, path);
  }

  private ExprNode relation(
      FilterSpec spec, RelationSchema relation, JsonNode value, InputPath path, int depth) {
    String model = spec.model().name();
    Map<String, Quantifier> quantifiers =
        relation.kind() == RelationSchema.Kind.HAS_MANY ? HAS_MANY : TO_ONE;
    if (!value.isObject() || value.size() != 1) {
      throw error(model, relation.name(), path, "expected an object of one of "
          + quantifiers.keySet() + ", got " + ValueReader.describe(value));
    }
    Map.Entry<String, JsonNode> e = value.fields().next();
    InputPath at = path.key(e.getKey());
    Quantifier q = quantifiers.get(e.getKey());
    if (q == null) {
      throw error(model, relation.name(), at, "unknown relation operator '"
          + InputPath.quote(e.getKey()) + "' (expected one of " + quantifiers.keySet() + ")");
    }
    ExprNode inner = e.getValue().isObject() && e.getValue().isEmpty() ? ExprNode.TRUE
        : object(Objects.requireNonNull(spec.target(relation.name()), "an allowed relation"),
            e.getValue(), at, depth + 1);
    ExprNode.Field node =
        new ExprNode.Field(model, spec.model().fields().size() + relation.index());
    return new ExprNode.Related(node, q, inner);
  }

  private void countTerm(String model, InputPath path) {
    if (++terms > limits.maxTerms()) {
      throw error(model, null, path, "more than the limit of " + limits.maxTerms() + " terms");
    }
  }

  private void checkSize(String model, @Nullable String field, InputPath path, int size,
      String what) {
    if (size > limits.maxListLength()) {
      throw error(model, field, path, size + " " + what + " exceed the limit of "
          + limits.maxListLength());
    }
  }

  static InvalidFilterException error(String model, @Nullable String field, InputPath path,
      String message) {
    return new InvalidFilterException(model, field, path.text(), message);
  }
}
