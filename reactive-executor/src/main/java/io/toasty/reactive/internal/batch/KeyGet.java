package io.toasty.reactive.internal.batch;

import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.value.Type;
import io.toasty.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A read of one record by a one-field primary key ({@code filter: key = value}, nothing else),
 * whose key compares the same in Java as in every database: integers and UUIDs. Such reads that
 * wait for a connection at the same time may be answered by one query ({@link KeyGets}).
 *
 * <p>Why only those keys: a text key compares by the column's collation (MariaDB's default one
 * ignores case), so the row a database gives for {@code 'abc'} may carry {@code 'ABC'}; routing
 * rows back to their requests by the key's Java value would then lose it.
 *
 * @param field the key's field index
 * @param key   the key as the routing compares it: a {@code Long} or a {@code UUID}
 * @param value the key's value as the filter holds it
 */
public record KeyGet(int field, Object key, Value value) {

  /** The key read {@code query} is, or null when it is anything else. */
  public static @Nullable KeyGet of(Query query, ModelSchema model) {
    return query.limit() != null || query.lock() != null ? null : pinned(query.filter(), model);
  }

  /**
   * The key {@code filter} pins when it is exactly {@code key = value} on a one-field integer or
   * UUID key with a value that is not NULL, else null.
   */
  static @Nullable KeyGet pinned(ExprNode filter, ModelSchema model) {
    KeyGet eq = equality(filter, model);
    return eq != null && isKey(eq.field(), model) ? eq : null;
  }

  /**
   * The field and value of {@code filter} when it is exactly {@code field = value} on an integer
   * or UUID field of {@code model} with a value that is not NULL, else null: a {@link KeyGet}
   * when the field is the key ({@link #pinned}), a {@link ValueList} otherwise.
   */
  static @Nullable KeyGet equality(ExprNode filter, ModelSchema model) {
    if (!(filter instanceof ExprNode.Compare c) || c.op() != ExprNode.CompareOp.EQ) {
      return null;
    }
    ExprNode.Field f =
        c.left() instanceof ExprNode.Field l ? l : c.right() instanceof ExprNode.Field r ? r : null;
    if (f == null || !f.model().equals(model.name())) {
      return null;
    }
    Value value = constant(f == c.left() ? c.right() : c.left());
    if (value == null) {
      return null;
    }
    Object key = routed(value, model.field(f.index()));
    return key == null ? null : new KeyGet(f.index(), key, value);
  }

  /** Whether {@code field} is {@code model}'s whole primary key. */
  static boolean isKey(int field, ModelSchema model) {
    return model.primaryKey().size() == 1 && model.primaryKey().get(0) == field;
  }

  private static @Nullable Value constant(ExprNode e) {
    return e instanceof ExprNode.Const k && !k.value().isNull() ? k.value() : null;
  }

  /** {@code v} as routing compares it, or null for a key type routing does not serve. */
  static @Nullable Object routed(Value v, FieldSchema field) {
    if (!(field.type() instanceof Type.Scalar s) || !(s.isInteger() || s == Type.Scalar.UUID)) {
      return null;
    }
    if (v instanceof Value.I64 l) {
      return l.value();
    }
    if (v instanceof Value.I32 i) {
      return (long) i.value();
    }
    if (v instanceof Value.I16 i) {
      return (long) i.value();
    }
    if (v instanceof Value.I8 i) {
      return (long) i.value();
    }
    return v instanceof Value.Uuid u ? u.value() : null;
  }
}
