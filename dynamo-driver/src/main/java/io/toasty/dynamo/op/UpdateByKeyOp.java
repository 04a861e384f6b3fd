package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.error.DynamoErrors;
import io.toasty.dynamo.expr.Cond;
import io.toasty.dynamo.expr.ConditionWriter;
import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.expr.RangeGuard;
import io.toasty.dynamo.expr.UpdateWriter;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@code Operation.UpdateByKey}: one UpdateItem per key, conditioned on the item existing and on
 * the filter ({@code ConditionExpression}); a failed condition counts zero. With
 * {@code returning}, the updated items come back ({@code ReturnValues=ALL_NEW}), in key order.
 * Arithmetic on an integer field is guarded ({@link RangeGuard}): a sum beyond the field's type
 * is a {@code ValueOutOfRangeException} and nothing is written.
 *
 * <p>An update that assigns a field of a unique index, or computes a value DynamoDB's
 * UpdateExpression cannot ({@code points * 2}, {@code a + b} on an integer field, see
 * {@link UpdateWriter}), reads the item first (strongly consistent) and writes conditioned on
 * what it read: the unique values and the fields the computed values read must be as read, so a
 * concurrent change sends the update round again and is never lost. With unique values moved,
 * the write is one TransactWriteItems that updates the item, deletes the old uniqueness item and
 * puts the new one; a new value another record holds is a {@code UniqueViolationException} and
 * nothing changes. A computed integer beyond its field's range is a
 * {@code ValueOutOfRangeException} raised before anything is sent.
 *
 * <p>An update that sets a field pointing at the owner of a limited relation is one
 * TransactWriteItems with the owners' counters, all keys at once ({@link CountedWrites}).
 *
 * <p>Otherwise keys are updated independently (up to {@value #CONCURRENCY} at a time): an update of many
 * keys is not atomic.
 */
public final class UpdateByKeyOp {
  /** How many items are updated at once. */
  static final int CONCURRENCY = 16;
  /**
   * How many times a read-then-write update is sent when the values it read keep changing: 20
   * rounds, each after a growing randomized pause, so that a few writers updating one item
   * concurrently all get through.
   */
  static final int MAX_ROUNDS = 20;

  private UpdateByKeyOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.UpdateByKey op) {
    return Mono.defer(() -> {
      TableInfo t = cx.table(op.table());
      UpdateWriter w = new UpdateWriter(t, op.assignments(), op.args());
      if (!Counters.moved(cx.tables(), t, w.targets()).isEmpty()
          || References.checks(t, w.targets())) {
        return CountedWrites.update(cx, t, op);
      }
      List<TableInfo.Index> touched = UniqueWrites.touched(t, w.targets());
      Flux<Map<String, AttributeValue>> keys = Flux.fromIterable(Items.keys(t, op.keys()));
      if (!op.returning()) {
        return keys.flatMap(key -> one(cx, t, w, op, key, touched), CONCURRENCY)
            .count()
            .map(n -> (ExecResponse) new ExecResponse.Count(n))
            .onErrorMap(e -> DynamoErrors.translate(e, t));
      }
      Flux<Value.Record> rows = keys
          .flatMapSequential(key -> one(cx, t, w, op, key, touched), CONCURRENCY)
          .map(item -> Items.row(t, op.columns(), item))
          .onErrorMap(e -> DynamoErrors.translate(e, t));
      return Mono.just((ExecResponse) new ExecResponse.Rows(rows));
    }).onErrorMap(DynamoContext::translate);
  }

  private static Mono<Map<String, AttributeValue>> one(DynamoContext cx, TableInfo t,
      UpdateWriter w, Operation.UpdateByKey op, Map<String, AttributeValue> key,
      List<TableInfo.Index> touched) {
    if (touched.isEmpty() && !w.computes()) {
      return plain(cx, t, w, op, key);
    }
    // read first anyway: a set's change is computed too, never guarded by its type
    return readWrite(cx, t, w.guardsChanges() ? w.computingChanges() : w, op, key, touched, 1);
  }

  private static Mono<Map<String, AttributeValue>> plain(DynamoContext cx, TableInfo t,
      UpdateWriter w, Operation.UpdateByKey op, Map<String, AttributeValue> key) {
    return Mono.defer(() -> {
      Placeholders ph = new Placeholders();
      RangeGuard guard = new RangeGuard(t, op.assignments(), op.args(), w);
      Cond condition = Cond.and(List.of(exists(t, ph),
          new ConditionWriter(t, op.args(), ph).whenTrue(op.filter()), guard.condition(ph),
          w.guard(ph)));
      if (condition.equals(Cond.FALSE)) {
        return Mono.empty();
      }
      Sizes.checkItem(t, atLeast(w, key, null)); // over 400 KB: nothing is sent
      String ue = w.expression(ph);
      String ce = condition.textOrNull();
      UpdateItemRequest request = UpdateItemRequest.builder()
          .tableName(t.physicalName())
          .key(key)
          .updateExpression(ue)
          .conditionExpression(ce)
          .expressionAttributeNames(ph.names(ue, ce))
          .expressionAttributeValues(ph.values(ue, ce))
          .returnValues(op.returning() ? ReturnValue.ALL_NEW : ReturnValue.NONE)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
          .build();
      // A failed condition is no match, unless the item's new value would leave its range, or
      // a set it changes natively may be held as a list: then the change is computed.
      return ConflictRetries.onConflict(cx.call(() -> cx.client().updateItem(request)))
          .map(r -> r.hasAttributes() ? r.attributes() : key)
          .onErrorResume(ConditionalCheckFailedException.class, e -> {
            ValueOutOfRangeException range =
                guard.violation(e.hasItem() ? e.item() : null);
            if (range != null) {
              return Mono.error(range);
            }
            return w.guardsChanges() && e.hasItem() && !e.item().isEmpty()
                ? readWrite(cx, t, w.computingChanges(), op, key, List.of(), 1) : Mono.empty();
          });
    });
  }

  /**
   * The item as updated by {@code w}, or as little of it as is known without {@code old} (null):
   * its key and the values assigned outright. What {@link Sizes#checkItem} measures.
   */
  static Map<String, AttributeValue> atLeast(UpdateWriter w, Map<String, AttributeValue> key,
      @Nullable Map<String, AttributeValue> old) {
    if (old != null) {
      return w.apply(old);
    }
    Map<String, AttributeValue> least = new HashMap<>(key);
    least.putAll(w.known());
    return least;
  }

  /**
   * Read, then write conditioned on what was read: for an update that moves unique claims or
   * computes values DynamoDB cannot ({@link UpdateWriter#computes()}). The guard holds the unique
   * values and the columns the computed values read as they were read; a guard that failed
   * because they changed in between sends the update round again (after a pause), up to
   * {@value #MAX_ROUNDS} times, then fails as a transient {@code SerializationFailureException}.
   */
  private static Mono<Map<String, AttributeValue>> readWrite(DynamoContext cx, TableInfo t,
      UpdateWriter w, Operation.UpdateByKey op, Map<String, AttributeValue> key,
      List<TableInfo.Index> touched, int attempt) {
    Set<Integer> guarded = new LinkedHashSet<>(UniqueWrites.columns(t, touched));
    guarded.addAll(w.reads());
    Mono<Map<String, AttributeValue>> again = Mono.defer(() -> attempt >= MAX_ROUNDS
        ? Mono.error(UniqueWrites.tooManyChanges(t, MAX_ROUNDS, null))
        : Mono.delay(ConflictRetries.backoff(attempt))
            .then(readWrite(cx, t, w, op, key, touched, attempt + 1)));
    return UniqueWrites.read(cx, t, key).flatMap(old -> {
      Placeholders ph = new Placeholders();
      Cond condition = Cond.and(List.of(exists(t, ph),
          new ConditionWriter(t, op.args(), ph).whenTrue(op.filter()),
          UniqueWrites.guard(t, guarded, old, ph)));
      if (condition.equals(Cond.FALSE)) {
        return Mono.empty();
      }
      // computed values and their ranges first: out of range, nothing is sent
      String ue = w.expression(ph, old);
      Map<String, AttributeValue> after = w.apply(old);
      Sizes.checkItem(t, after); // over 400 KB: nothing is sent
      String ce = condition.textOrNull();
      List<TransactWriteItem> writes = new ArrayList<>();
      writes.add(TransactWriteItem.builder().update(Update.builder()
          .tableName(t.physicalName())
          .key(key)
          .updateExpression(ue)
          .conditionExpression(ce)
          .expressionAttributeNames(ph.names(ue, ce))
          .expressionAttributeValues(ph.values(ue, ce))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
          .build()).build());
      List<TableInfo.Index> puts = new ArrayList<>();
      for (TableInfo.Index ix : touched) {
        String before = Uniqueness.key(t, ix, old);
        String now = Uniqueness.key(t, ix, after);
        if (Objects.equals(before, now)) {
          continue;
        }
        if (before != null) {
          writes.add(Uniqueness.delete(t, before));
          puts.add(null);
        }
        if (now != null) {
          writes.add(Uniqueness.put(t, now, key));
          puts.add(ix);
        }
      }
      if (writes.size() == 1) {
        return single(cx, t, op, key, guarded, old, again,
            UpdateItemRequest.builder().tableName(t.physicalName()).key(key)
                .updateExpression(ue).conditionExpression(ce)
                .expressionAttributeNames(ph.names(ue, ce))
                .expressionAttributeValues(ph.values(ue, ce)).build());
      }
      TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
          .transactItems(writes).build();
      Mono<Map<String, AttributeValue>> write = cx.call(
              () -> cx.client().transactWriteItems(
            request.toBuilder().clientRequestToken(DynamoContext.requestToken()).build()))
          .then(op.returning() ? UniqueWrites.read(cx, t, key) : Mono.just(key));
      return ConflictRetries.onConflict(write.onErrorResume(TransactionCanceledException.class, e -> {
        switch (UniqueWrites.reason(t, guarded, old, e)) {
          case NOT_MATCHED:
            return Mono.empty();
          case RETRY:
            return again;
          default:
            List<CancellationReason> reasons =
                e.cancellationReasons();
            for (int i = 1; i < reasons.size(); i++) {
              if ("ConditionalCheckFailed".equals(reasons.get(i).code())
                  && puts.get(i - 1) != null) {
                return Mono.error(Uniqueness.violation(t, puts.get(i - 1), e));
              }
            }
            return Mono.error(e);
        }
      }));
    });
  }

  /**
   * An update that moves no unique claim is one conditional UpdateItem, so the item it returns
   * is the one it wrote, not a later re-read. A failed condition is no match (the item is gone
   * or fails the filter), unless the guarded values changed: then the update goes round again.
   */
  private static Mono<Map<String, AttributeValue>> single(DynamoContext cx, TableInfo t,
      Operation.UpdateByKey op, Map<String, AttributeValue> key, Set<Integer> guarded,
      Map<String, AttributeValue> old, Mono<Map<String, AttributeValue>> again,
      UpdateItemRequest request) {
    UpdateItemRequest conditional = request.toBuilder()
        .returnValues(op.returning() ? ReturnValue.ALL_NEW : ReturnValue.NONE)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    return ConflictRetries.onConflict(cx.call(() -> cx.client().updateItem(conditional)))
        .map(r -> r.hasAttributes() && !r.attributes().isEmpty() ? r.attributes() : key)
        .onErrorResume(ConditionalCheckFailedException.class, e -> {
          if (!e.hasItem() || e.item().isEmpty()
              || !UniqueWrites.changed(t, guarded, old, e.item())) {
            return Mono.empty(); // no such item, or it fails the filter
          }
          return again;
        });
  }

  static Cond exists(TableInfo t, Placeholders ph) {
    return Cond.atom("attribute_exists(" + ph.name(t.attribute(t.partitionKey())) + ")");
  }
}
