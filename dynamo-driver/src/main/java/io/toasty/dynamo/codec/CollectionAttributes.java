package io.toasty.dynamo.codec;

import io.toasty.error.DriverException;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Collection fields as DynamoDB's own types: a list as {@code L}; a set of strings or UUIDs as
 * {@code SS} and of numbers as {@code NS}, or as {@code L} where DynamoDB has no such set (an
 * empty set, a set of booleans, a string set holding the empty string); a map as {@code M}, its
 * keys escaped as a {@code @Json} document's are (DynamoDB refuses an empty attribute name).
 * Reading accepts every form a field's shape is written in. A set field that is never NULL
 * holds its empty set as no attribute ({@link #encodeColumn}).
 */
public final class CollectionAttributes {
  private CollectionAttributes() {}

  /** A map's key as its attribute holds it (DynamoDB refuses an empty name). */
  public static String storedKey(String key) {
    return JsonAttributes.storedKey(key);
  }

  /**
   * The attribute that stores {@code v} in a column, null for none: as
   * {@link AttributeCodec#encode}, except that an empty set of a column that is never NULL
   * ({@code nullable} false) is no attribute. DynamoDB cannot hold an empty {@code SS} or
   * {@code NS}, and its {@code ADD} extends an absent set but not a list; its {@code DELETE} of
   * a set's last items leaves no attribute, which reads back as the empty set.
   */
  public static @Nullable AttributeValue encodeColumn(Value v, boolean nullable) {
    if (!nullable && v instanceof Value.Items items && items.items().isEmpty()
        && items.type().shape() == Type.CollectionOf.Shape.SET) {
      return null;
    }
    return AttributeCodec.encode(v);
  }

  /**
   * The value of column attribute {@code a} of type {@code type}: as
   * {@link AttributeCodec#decode}, except that an absent set of a column that is never NULL is
   * the empty set (see {@link #encodeColumn}); a set written as {@code L} reads as well.
   */
  public static Value decodeColumn(@Nullable AttributeValue a, Type type, boolean nullable,
      String what) {
    if (a == null && !nullable && type instanceof Type.CollectionOf c
        && c.shape() == Type.CollectionOf.Shape.SET) {
      return new Value.Items(c, List.of());
    }
    return AttributeCodec.decode(a, type, what);
  }

  /** The attribute of an {@link Value.Items} or {@link Value.Entries}. */
  static AttributeValue encode(Value v) {
    if (v instanceof Value.Entries e) {
      Map<String, AttributeValue> m = new LinkedHashMap<>();
      e.entries().forEach((k, item) -> m.put(JsonAttributes.storedKey(k),
          AttributeCodec.encode(item)));
      return AttributeValue.fromM(m);
    }
    Value.Items items = (Value.Items) v;
    List<AttributeValue> encoded = new ArrayList<>(items.items().size());
    items.items().forEach(item -> encoded.add(AttributeCodec.encode(item)));
    if (items.type().shape() == Type.CollectionOf.Shape.SET && !encoded.isEmpty()) {
      if (encoded.stream().allMatch(a -> a.n() != null)) {
        return AttributeValue.fromNs(encoded.stream().map(AttributeValue::n).toList());
      }
      if (encoded.stream().allMatch(a -> a.s() != null && !a.s().isEmpty())) {
        return AttributeValue.fromSs(encoded.stream().map(AttributeValue::s).toList());
      }
    }
    return AttributeValue.fromL(encoded);
  }

  /** The collection of type {@code type} that {@code a} holds. */
  static Value decode(AttributeValue a, Type.CollectionOf type, String what) {
    if (type.shape() == Type.CollectionOf.Shape.MAP) {
      if (!a.hasM()) {
        throw mismatch(a, type, what);
      }
      Map<String, Value> entries = new LinkedHashMap<>();
      a.m().forEach((k, item) -> entries.put(JsonAttributes.documentKey(k),
          AttributeCodec.decode(item, type.item(), what)));
      return new Value.Entries(type, entries);
    }
    List<AttributeValue> items = new ArrayList<>();
    if (a.hasL()) {
      items.addAll(a.l());
    } else if (type.shape() == Type.CollectionOf.Shape.SET && a.hasSs()) {
      a.ss().forEach(s -> items.add(AttributeValue.fromS(s)));
    } else if (type.shape() == Type.CollectionOf.Shape.SET && a.hasNs()) {
      a.ns().forEach(n -> items.add(AttributeValue.fromN(n)));
    } else {
      throw mismatch(a, type, what);
    }
    List<Value> out = new ArrayList<>(items.size());
    items.forEach(item -> out.add(AttributeCodec.decode(item, type.item(), what)));
    return new Value.Items(type, out);
  }

  private static DriverException mismatch(AttributeValue a, Type type, String what) {
    return new DriverException("dynamodb", null, "attribute " + what + " holds " + a
        + ", which is not a " + type, null);
  }
}
