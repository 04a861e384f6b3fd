package io.toasty.dynamo.op;

import io.toasty.dynamo.expr.Cond;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.SerializationFailureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The condition that an item is still as an optimistic transaction read it: absent
 * ({@code attribute_not_exists} on its partition key), or at the version read where its model
 * has a {@code @Version} field, or else with every column's attribute as read (equal, or still
 * absent). Its placeholders ({@code #s0}, {@code :s0}) are its own, so that it can be joined to
 * another action's condition on the same item: DynamoDB takes one action per item in a
 * TransactWriteItems.
 *
 * @param text   the condition expression
 * @param names  its attribute name placeholders
 * @param values its value placeholders
 */
record SeenCondition(@Nullable String text, Map<String, String> names,
    Map<String, AttributeValue> values) {

  /** The condition that {@code t}'s item is as {@code seen}. */
  static SeenCondition of(TableInfo t, Optional<Map<String, AttributeValue>> seen) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    List<Cond> parts = new ArrayList<>();
    if (seen.isEmpty()) {
      parts.add(Cond.atom("attribute_not_exists(" + name(names, t.attribute(t.partitionKey()))
          + ")"));
    } else {
      int version = t.versionColumn();
      List<Integer> columns = version >= 0 && seen.get().containsKey(t.attribute(version))
          ? List.of(t.partitionKey(), version) : t.allColumns();
      for (int c : columns) {
        String n = name(names, t.attribute(c));
        AttributeValue v = seen.get().get(t.attribute(c));
        parts.add(v == null ? Cond.atom("attribute_not_exists(" + n + ")")
            : Cond.atom(n + " = " + value(values, v)));
      }
    }
    return new SeenCondition(Cond.and(parts).textOrNull(), names, values);
  }

  private static String name(Map<String, String> names, String attribute) {
    String p = "#s" + names.size();
    names.put(p, attribute);
    return p;
  }

  private static String value(Map<String, AttributeValue> values, AttributeValue v) {
    String p = ":s" + values.size();
    values.put(p, v);
    return p;
  }

  /** A ConditionCheck of this condition on item {@code key} of {@code t}. */
  AtomicWriteOp.Step check(TableInfo t, Map<String, AttributeValue> key) {
    TransactWriteItem item = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
        .tableName(t.physicalName()).key(key).conditionExpression(text)
        .expressionAttributeNames(names).expressionAttributeValues(values.isEmpty() ? null : values)
        .build()).build();
    return new AtomicWriteOp.Step(item, (e, r) -> changed(t, key, e));
  }

  /**
   * {@code step}, another action on the same item, with this condition joined to its own: when
   * it fails, the item changed since it was read, unless the item as it is now still meets this
   * condition (the action's own condition failed, and its error is the one to report).
   */
  AtomicWriteOp.Step joinedTo(AtomicWriteOp.Step step, TableInfo t,
      Map<String, AttributeValue> key, Optional<Map<String, AttributeValue>> seen) {
    TransactWriteItem i = step.item();
    TransactWriteItem joined;
    if (i.put() != null) {
      Put p = i.put();
      joined = i.toBuilder().put(p.toBuilder().conditionExpression(and(p.conditionExpression()))
          .expressionAttributeNames(names(p.expressionAttributeNames()))
          .expressionAttributeValues(values(p.expressionAttributeValues()))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
          .build()).build();
    } else if (i.update() != null) {
      Update u = i.update();
      joined = i.toBuilder().update(u.toBuilder().conditionExpression(and(u.conditionExpression()))
          .expressionAttributeNames(names(u.expressionAttributeNames()))
          .expressionAttributeValues(values(u.expressionAttributeValues()))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
          .build()).build();
    } else if (i.delete() != null) {
      Delete d = i.delete();
      joined = i.toBuilder().delete(d.toBuilder().conditionExpression(and(d.conditionExpression()))
          .expressionAttributeNames(names(d.expressionAttributeNames()))
          .expressionAttributeValues(values(d.expressionAttributeValues()))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
          .build()).build();
    } else {
      ConditionCheck c = i.conditionCheck();
      joined = i.toBuilder().conditionCheck(c.toBuilder()
          .conditionExpression(and(c.conditionExpression()))
          .expressionAttributeNames(names(c.expressionAttributeNames()))
          .expressionAttributeValues(values(c.expressionAttributeValues()))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
          .build()).build();
    }
    return new AtomicWriteOp.Step(joined, (e, r) -> {
      Optional<Map<String, AttributeValue>> now = r.hasItem() && !r.item().isEmpty()
          ? Optional.of(r.item()) : Optional.empty();
      return same(t, seen, now) ? step.blame().apply(e, r) : changed(t, key, e);
    });
  }

  private @Nullable String and(@Nullable String other) {
    return other == null ? text : "(" + other + ") AND (" + text + ")";
  }

  private Map<String, String> names(Map<String, String> other) {
    Map<String, String> out = new LinkedHashMap<>(other);
    out.putAll(names);
    return out;
  }

  private @Nullable Map<String, AttributeValue> values(Map<String, AttributeValue> other) {
    Map<String, AttributeValue> out = new LinkedHashMap<>(other);
    out.putAll(values);
    return out.isEmpty() ? null : out;
  }

  /** Whether {@code now} meets the condition of {@code seen} (the same columns compared). */
  private static boolean same(TableInfo t, Optional<Map<String, AttributeValue>> seen,
      Optional<Map<String, AttributeValue>> now) {
    if (seen.isEmpty() || now.isEmpty()) {
      return seen.isEmpty() == now.isEmpty();
    }
    for (int c : t.allColumns()) {
      AttributeValue a = seen.get().get(t.attribute(c));
      AttributeValue b = now.get().get(t.attribute(c));
      if (a == null ? b != null : b == null || !Items.canonical(Map.of("v", a))
          .equals(Items.canonical(Map.of("v", b)))) {
        return false;
      }
    }
    return true;
  }

  /** The conflict: an item the transaction read changed before it committed. */
  static SerializationFailureException changed(TableInfo t, Map<String, AttributeValue> key,
      Throwable cause) {
    return new SerializationFailureException(TableInfo.BACKEND, null, "a "
        + (t.model() == null ? t.name() : t.model()) + " record this transaction read ("
        + References.showKey(t, key) + ") was changed by another before it committed; "
        + "nothing was written, and the transaction may be run again", cause);
  }
}
