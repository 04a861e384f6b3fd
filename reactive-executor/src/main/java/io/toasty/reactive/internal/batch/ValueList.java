package io.toasty.reactive.internal.batch;

import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A read of every record whose field holds one value ({@code filter: field = value}, nothing
 * else, no limit), on an integer or UUID field that is not a one-field primary key (that read is
 * a {@link KeyGet}). Such reads that wait for a connection at the same time may be answered by
 * one query ({@link ValueLists}): the posts of an author, the users of a team.
 *
 * <p>Why only those fields: they compare the same in Java as in every database (see
 * {@link KeyGet}); rows are routed back to their requests by the field's Java value.
 *
 * @param field the field's index
 * @param key   the value as the routing compares it: a {@code Long} or a {@code UUID}
 * @param value the value as the filter holds it
 */
public record ValueList(int field, Object key, Value value) {

  /** The read by one value {@code query} is, or null when it is anything else. */
  public static @Nullable ValueList of(Query query, ModelSchema model) {
    KeyGet eq = query.limit() != null || query.lock() != null ? null
        : KeyGet.equality(query.filter(), model);
    return eq == null || KeyGet.isKey(eq.field(), model) ? null
        : new ValueList(eq.field(), eq.key(), eq.value());
  }
}
