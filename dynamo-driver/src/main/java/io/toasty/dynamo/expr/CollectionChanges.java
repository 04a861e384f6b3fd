package io.toasty.dynamo.expr;

import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.dynamo.codec.CollectionAttributes;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A change of a stored collection in an update, as DynamoDB's {@code UpdateExpression} makes it
 * ({@link #isNative}) or as the driver computes it from the item as read ({@link #compute}).
 *
 * <p>Native: an append to a list ({@code list_append}); a set's {@code ADD}/{@code DELETE} of a
 * set that is never NULL, whose items DynamoDB holds as {@code SS} or {@code NS} (not booleans,
 * not the empty string), guarded by the stored attribute being of that set type or, to add,
 * absent (an older item may hold the set as {@code L}: the guard fails and the update is
 * computed); a map's
 * entries set and removed one by one ({@code SET #m.#k = :v}, {@code REMOVE #m.#k}) where the map
 * is never NULL, so its attribute is there. Everything else (a list's removal, a NULL-able set
 * or map, no items) is computed and written conditioned on the attribute being still as read.
 */
final class CollectionChanges {
  private CollectionChanges() {}

  /** Whether DynamoDB makes {@code c}, the value assigned to column {@code target}, itself. */
  static boolean isNative(TableInfo t, int target, ExprNode.CollectionChange c, Value items) {
    if (!(c.operand() instanceof ExprNode.Column col) || col.index() != target) {
      return false;
    }
    boolean never = !t.column(target).nullable();
    return switch (c.op()) {
      case ADD -> c.type().shape() == Type.CollectionOf.Shape.LIST
          || never && setType(items) != null;
      case REMOVE -> c.type().shape() == Type.CollectionOf.Shape.SET && never
          && setType(items) != null;
      case PUT -> never && !((Value.Entries) items).entries().isEmpty();
      case REMOVE_KEYS -> never && !((Value.Items) items).items().isEmpty();
    };
  }

  /** {@code "SS"} or {@code "NS"}: the set type DynamoDB holds {@code items} as, else null. */
  private static @Nullable String setType(Value items) {
    AttributeValue a = AttributeCodec.encode(items);
    return a == null ? null : a.hasSs() ? "SS" : a.hasNs() ? "NS" : null;
  }

  /**
   * The native change's clauses, added to {@code set}, {@code remove}, {@code add} and
   * {@code delete} (the actions of an UpdateExpression).
   */
  static void clauses(TableInfo t, ExprNode.CollectionChange c, Value items, Placeholders ph,
      List<String> set, List<String> remove, List<String> add, List<String> delete) {
    String attr = ph.name(t.attribute(((ExprNode.Column) c.operand()).index()));
    switch (c.op()) {
      case ADD -> {
        if (c.type().shape() == Type.CollectionOf.Shape.LIST) {
          set.add(attr + " = list_append(if_not_exists(" + attr + ", "
              + ph.value(AttributeValue.fromL(List.of())) + "), "
              + ph.value(AttributeCodec.encodePresent(items)) + ")");
        } else {
          add.add(attr + " " + ph.value(AttributeCodec.encodePresent(items)));
        }
      }
      case REMOVE -> delete.add(attr + " " + ph.value(AttributeCodec.encodePresent(items)));
      case PUT -> ((Value.Entries) items).entries().forEach((k, v) -> set.add(attr + "."
          + ph.name(CollectionAttributes.storedKey(k)) + " = "
          + ph.value(AttributeCodec.encodePresent(v))));
      case REMOVE_KEYS -> ((Value.Items) items).items().forEach(k -> remove.add(attr + "."
          + ph.name(CollectionAttributes.storedKey(((Value.Str) k).value()))));
    }
  }

  /**
   * The condition a native change of a set needs: its attribute of the set type the items are
   * ({@code ADD} and {@code DELETE} fail on a list), or, to add, absent (the empty set); TRUE
   * for other changes. An absent set to remove from fails it too, and is computed: nothing to do.
   */
  static Cond guard(TableInfo t, ExprNode.CollectionChange c, Value items, Placeholders ph) {
    if (c.type().shape() != Type.CollectionOf.Shape.SET) {
      return Cond.TRUE;
    }
    String attr = ph.name(t.attribute(((ExprNode.Column) c.operand()).index()));
    Cond typed = Cond.atom("attribute_type(" + attr + ", "
        + ph.value(AttributeValue.fromS(setType(items))) + ")");
    return c.op() == ExprNode.ChangeOp.REMOVE ? typed
        : Cond.or(Cond.atom("attribute_not_exists(" + attr + ")"), typed);
  }

  /**
   * The attribute column {@code target} holds after {@code c} over {@code old}, the item as
   * read; null when it is absent (NULL, or an empty set of a field that is never NULL).
   */
  static @Nullable AttributeValue compute(TableInfo t, int target, ExprNode.CollectionChange c,
      Value items,
      Map<String, AttributeValue> old) {
    int column = ((ExprNode.Column) c.operand()).index();
    Value before = CollectionAttributes.decodeColumn(old.get(t.attribute(column)),
        t.column(column).type(), t.column(column).nullable(), t.qualified(column));
    Value after = applied(c, before, items);
    return CollectionAttributes.encodeColumn(after, t.column(target).nullable());
  }

  private static Value applied(ExprNode.CollectionChange c, Value before, Value items) {
    boolean absent = before.isNull();
    return switch (c.op()) {
      case ADD -> {
        if (absent) {
          yield items;
        }
        List<Value> out = new ArrayList<>(((Value.Items) before).items());
        Set<Value> held = new LinkedHashSet<>(out);
        for (Value item : ((Value.Items) items).items()) {
          if (c.type().shape() == Type.CollectionOf.Shape.LIST || held.add(item)) {
            out.add(item);
          }
        }
        yield new Value.Items(c.type(), out);
      }
      case REMOVE -> {
        if (absent) {
          yield Value.NULL;
        }
        Set<Value> gone = new LinkedHashSet<>(((Value.Items) items).items());
        List<Value> out = new ArrayList<>();
        ((Value.Items) before).items().forEach(item -> {
          if (!gone.contains(item)) {
            out.add(item);
          }
        });
        yield new Value.Items(c.type(), out);
      }
      case PUT -> {
        Map<String, Value> out = new LinkedHashMap<>(absent ? Map.of()
            : ((Value.Entries) before).entries());
        out.putAll(((Value.Entries) items).entries());
        yield new Value.Entries(c.type(), out);
      }
      case REMOVE_KEYS -> {
        if (absent) {
          yield Value.NULL;
        }
        Map<String, Value> out = new LinkedHashMap<>(((Value.Entries) before).entries());
        ((Value.Items) items).items().forEach(k -> out.remove(((Value.Str) k).value()));
        yield new Value.Entries(c.type(), out);
      }
    };
  }
}
