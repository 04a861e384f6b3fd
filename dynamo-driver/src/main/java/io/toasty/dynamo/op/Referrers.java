package io.toasty.dynamo.op;

import io.toasty.dynamo.expr.Cond;
import io.toasty.dynamo.table.CountedRelation;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.SerializationFailureException;
import io.toasty.schema.db.TableForeignKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The deletes of records that checked keys point at, guarded by the counters of those keys
 * ({@link CountedRelation#onOwnerDelete()}): each such delete in a transaction is conditioned on every
 * counter of its item holding exactly the records the same transaction deletes or unlinks from
 * it. A record written to point at the item after the cascade's reads (or one an eventually
 * consistent index did not show them yet) makes the counter disagree, so the delete is cancelled
 * whole instead of leaving that record pointing at nothing. A counter absent from the item (an
 * item written before counters were kept) is not checked.
 */
final class Referrers {
  private Referrers() {}

  /**
   * {@code steps} with the delete of every item that checked keys count referrers of
   * conditioned on those counters, given the counter moves {@code deltas} of the same write.
   */
  static List<AtomicWriteOp.Step> guard(DynamoContext cx, List<AtomicWriteOp.Step> steps,
      List<Counters.Delta> deltas) {
    List<AtomicWriteOp.Step> out = new ArrayList<>(steps.size());
    for (AtomicWriteOp.Step step : steps) {
      Delete d = step.item().delete();
      TableInfo t = d == null ? null : cx.tables().byPhysicalName(d.tableName());
      out.add(t == null || cx.tables().guardsOf(t.name()).isEmpty() ? step
          : guarded(step, cx.tables().guardsOf(t.name()), removed(d, deltas)));
    }
    return out;
  }

  /** Per counter, how many records the write takes away from the item {@code d} deletes. */
  private static Map<CountedRelation, Integer> removed(Delete d, List<Counters.Delta> deltas) {
    Map<String, AttributeValue> key = Items.canonical(d.key());
    Map<CountedRelation, Integer> out = new LinkedHashMap<>();
    for (Counters.Delta delta : deltas) {
      if (delta.limit().owner().physicalName().equals(d.tableName())
          && delta.owner().equals(key)) {
        out.merge(delta.limit(), -delta.by(), Integer::sum);
      }
    }
    return out;
  }

  /** {@code step}, a delete, conditioned on no counter of {@code guards} over {@code removed}. */
  private static AtomicWriteOp.Step guarded(AtomicWriteOp.Step step, List<CountedRelation> guards,
      Map<CountedRelation, Integer> removed) {
    Delete d = step.item().delete();
    Map<String, String> names = new LinkedHashMap<>(d.expressionAttributeNames());
    Map<String, AttributeValue> values = new LinkedHashMap<>(d.expressionAttributeValues());
    List<Cond> conditions = new ArrayList<>();
    if (d.conditionExpression() != null) {
      conditions.add(new Cond.Text(d.conditionExpression(), Cond.Kind.OR));
    }
    for (CountedRelation l : guards) {
      String c = "#r" + names.size();
      String n = ":r" + values.size();
      names.put(c, l.attribute());
      values.put(n, AttributeValue.fromN(Integer.toString(removed.getOrDefault(l, 0))));
      conditions.add(Cond.or(List.of(Cond.atom("attribute_not_exists(" + c + ")"),
          Cond.atom(c + " <= " + n))));
    }
    Delete merged = d.toBuilder().conditionExpression(Cond.and(conditions).textOrNull())
        .expressionAttributeNames(names).expressionAttributeValues(values)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    return new AtomicWriteOp.Step(step.item().toBuilder().delete(merged).build(), (e, r) -> {
      RuntimeException referred = blame(guards, removed, d.key(), e, r);
      return referred != null ? referred : step.blame().apply(e, r);
    });
  }

  /**
   * Why the guarded delete failed, when a counter says so: records of a restricting key still
   * point at the item (a {@link ForeignKeyViolationException}), or records were written to point
   * at it while the delete ran (a transient {@link SerializationFailureException}); null when
   * every counter agreed (the delete's own condition failed).
   */
  private static @Nullable RuntimeException blame(List<CountedRelation> guards,
      Map<CountedRelation, Integer> removed,
      Map<String, AttributeValue> key, TransactionCanceledException e, CancellationReason r) {
    if (!r.hasItem() || r.item().isEmpty()) {
      return null;
    }
    for (CountedRelation l : guards) {
      AttributeValue now = r.item().get(l.attribute());
      int expected = removed.getOrDefault(l, 0);
      if (now == null || new BigDecimal(now.n()).longValueExact() <= expected) {
        continue;
      }
      String owner = l.owner().model() + " with " + l.owner().fieldNames(l.owner().primaryKey())
          + " = " + References.showKey(l.owner(), key);
      String field = l.counted().fieldNames(l.countedColumns());
      if (l.onOwnerDelete() == TableForeignKey.OnDelete.RESTRICT) {
        return new ForeignKeyViolationException(l.counted().model(), field, "a "
            + l.counted().model() + " still refers to the " + owner
            + " (@BelongsTo.Restrict); nothing was deleted", e);
      }
      return new SerializationFailureException(TableInfo.BACKEND, null, "a "
          + l.counted().model() + "." + field + " was written to point at the " + owner
          + " while it was deleted; nothing was deleted: try again", e);
    }
    return null;
  }
}
