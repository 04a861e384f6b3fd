package io.toasty.reactive.internal.batch;

import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Returning;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An update of one record by a one-field integer or UUID key ({@code filter: key = value},
 * nothing else) that sets fields to values and returns its count: such updates that wait for a
 * connection at the same time may be written by one statement ({@link KeyUpdates}).
 *
 * <p>Why only these: each request's values go into one {@code CASE} per field, which gives a
 * row the value of its own request, and the statement's rows say which keys it found, so each
 * request gets the count its own statement would have. Left out, each for a reason:
 * <ul>
 *   <li>an assignment that reads the row ({@code n = n + 1}) or a document or collection value:
 *       the batch writes constants of plain types, which every database compares and casts alike;
 *   <li>a field of a unique index or of the key: a batch that swaps two values would pass where
 *       the two statements alone fail;
 *   <li>a model that writes a generated UUID on every update ({@code @OnUpdate}): each update
 *       generates its own, where one statement would give every row the same;
 *   <li>any other filter, or a returning of records: those are not one key's count.
 * </ul>
 *
 * @param key    the key, as {@link KeyGet} routes it
 * @param fields the assigned fields' indexes, in assignment order
 * @param values the values assigned, in the same order
 */
public record KeyUpdate(KeyGet key, List<Integer> fields, List<Value> values) {

  /** The key update {@code u} is, or null when it is anything else. */
  public static @Nullable KeyUpdate of(UpdateNode u, ModelSchema model) {
    if (!(u.returning() instanceof Returning.Count) || u.assignments().isEmpty()) {
      return null;
    }
    KeyGet key = KeyGet.pinned(u.filter(), model);
    if (key == null || stampsUniqueValues(model)) {
      return null;
    }
    Integer[] fields = new Integer[u.assignments().size()];
    Value[] values = new Value[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Assignment a = u.assignments().get(i);
      if (!(a.value() instanceof ExprNode.Const c) || !plain(model, a.target())) {
        return null;
      }
      fields[i] = a.target();
      values[i] = c.value();
    }
    return new KeyUpdate(key, List.of(fields), List.of(values));
  }

  /**
   * Whether an update writes a generated UUID to a field it does not set ({@code @OnUpdate}):
   * each update's own, which one statement for several would give them all alike.
   */
  private static boolean stampsUniqueValues(ModelSchema model) {
    for (FieldSchema f : model.fields()) {
      if (f.onUpdate() == AutoStrategy.UUID_V4
          || f.onUpdate() == AutoStrategy.UUID_V7) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the field at {@code index} is a plain stored value (a scalar other than a JSON
   * document, or an enum, stored by its name) outside every unique index.
   */
  private static boolean plain(ModelSchema model, int index) {
    if (index < 0 || index >= model.fields().size() || model.primaryKey().contains(index)) {
      return false;
    }
    FieldSchema f = model.field(index);
    boolean scalar = f.type() instanceof Type.Scalar s && s != Type.Scalar.JSON
        && s != Type.Scalar.NULL;
    if (!scalar && !(f.type() instanceof Type.Enum)) {
      return false;
    }
    for (IndexSchema ix : model.indexes()) {
      if (ix.unique() && ix.fields().contains(index)) {
        return false;
      }
    }
    return true;
  }
}
