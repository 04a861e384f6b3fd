package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.expr.Cond;
import io.toasty.dynamo.expr.ConditionWriter;
import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.expr.RangeGuard;
import io.toasty.dynamo.expr.UpdateWriter;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
 * is a {@code ValueOutOfRangeException} and nothing is written (not yet on the unique path).
 *
 * <p>An update that assigns a field of a unique index goes through {@link UniqueWrites}: read,
 * then one TransactWriteItems that updates the item (guarded on its unique values being as read),
 * deletes the old uniqueness item and puts the new one; a new value another record holds is a
 * {@code UniqueViolationException} and nothing changes.
 *
 * <p>Keys are updated independently (up to {@value #CONCURRENCY} at a time): an update of many
 * keys is not atomic.
 */
public final class UpdateByKeyOp {
  /** How many items are updated at once. */
  static final int CONCURRENCY = 16;

  private UpdateByKeyOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.UpdateByKey op) {
    return Mono.defer(() -> {
      TableInfo t = cx.table(op.table());
      UpdateWriter w = new UpdateWriter(t, op.assignments(), op.args());
      List<TableInfo.Index> touched = UniqueWrites.touched(t, w.targets());
      Flux<Map<String, AttributeValue>> keys = Flux.fromIterable(Items.keys(t, op.keys()));
      if (!op.returning()) {
        return keys.flatMap(key -> one(cx, t, w, op, key, touched), CONCURRENCY)
            .count()
            .map(n -> (ExecResponse) new ExecResponse.Count(n));
      }
      Flux<Value.Record> rows = keys
          .flatMapSequential(key -> one(cx, t, w, op, key, touched), CONCURRENCY)
          .map(item -> Items.row(t, op.columns(), item))
          .onErrorMap(DynamoContext::translate);
      return Mono.just((ExecResponse) new ExecResponse.Rows(rows));
    }).onErrorMap(DynamoContext::translate);
  }

  private static Mono<Map<String, AttributeValue>> one(DynamoContext cx, TableInfo t,
      UpdateWriter w, Operation.UpdateByKey op, Map<String, AttributeValue> key,
      List<TableInfo.Index> touched) {
    return touched.isEmpty() ? plain(cx, t, w, op, key) : unique(cx, t, w, op, key, touched, 1);
  }

  private static Mono<Map<String, AttributeValue>> plain(DynamoContext cx, TableInfo t,
      UpdateWriter w, Operation.UpdateByKey op, Map<String, AttributeValue> key) {
    return Mono.defer(() -> {
      Placeholders ph = new Placeholders();
      RangeGuard guard = new RangeGuard(t, op.assignments(), op.args(), w);
      Cond condition = Cond.and(List.of(exists(t, ph),
          new ConditionWriter(t, op.args(), ph).whenTrue(op.filter()), guard.condition(ph)));
      if (condition.equals(Cond.FALSE)) {
        return Mono.empty();
      }
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
      // A failed condition is no match, unless the item's new value would leave its range.
      return Retries.onConflict(cx.call(() -> cx.client().updateItem(request)))
          .map(r -> r.hasAttributes() ? r.attributes() : key)
          .onErrorResume(ConditionalCheckFailedException.class, e -> {
            io.toasty.ValueOutOfRangeException range =
                guard.violation(e.hasItem() ? e.item() : null);
            return range == null ? Mono.empty() : Mono.error(range);
          });
    });
  }

  private static Mono<Map<String, AttributeValue>> unique(DynamoContext cx, TableInfo t,
      UpdateWriter w, Operation.UpdateByKey op, Map<String, AttributeValue> key,
      List<TableInfo.Index> touched, int attempt) {
    Set<Integer> guarded = UniqueWrites.columns(touched);
    return UniqueWrites.read(cx, t, key).flatMap(old -> {
      Placeholders ph = new Placeholders();
      Cond condition = Cond.and(List.of(exists(t, ph),
          new ConditionWriter(t, op.args(), ph).whenTrue(op.filter()),
          UniqueWrites.guard(t, guarded, old, ph)));
      if (condition.equals(Cond.FALSE)) {
        return Mono.empty();
      }
      Map<String, AttributeValue> after = w.apply(old);
      String ue = w.expression(ph);
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
      if (writes.size() == 1 && op.returning() && op.filter().equals(io.toasty.stmt.Expr.TRUE)) {
        return sameClaims(cx, t, w, op, key, touched, attempt,
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
      return Retries.onConflict(write.onErrorResume(TransactionCanceledException.class, e -> {
        switch (UniqueWrites.reason(t, guarded, old, e)) {
          case NOT_MATCHED:
            return Mono.empty();
          case RETRY:
            return attempt >= UniqueWrites.MAX_ATTEMPTS
                ? Mono.error(UniqueWrites.tooManyChanges(t, e))
                : unique(cx, t, w, op, key, touched, attempt + 1);
          default:
            List<software.amazon.awssdk.services.dynamodb.model.CancellationReason> reasons =
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
   * An update that moves no unique claim is one conditional UpdateItem (the guard holds the
   * unique values as read), so the item it returns is the one it wrote, not a later re-read.
   */
  private static Mono<Map<String, AttributeValue>> sameClaims(DynamoContext cx, TableInfo t,
      UpdateWriter w, Operation.UpdateByKey op, Map<String, AttributeValue> key,
      List<TableInfo.Index> touched, int attempt, UpdateItemRequest request) {
    UpdateItemRequest returning = request.toBuilder().returnValues(ReturnValue.ALL_NEW)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    return Retries.onConflict(cx.call(() -> cx.client().updateItem(returning)))
        .map(r -> r.attributes())
        .onErrorResume(ConditionalCheckFailedException.class, e -> {
          if (!e.hasItem() || e.item().isEmpty()) {
            return Mono.empty(); // no such item
          }
          return attempt >= UniqueWrites.MAX_ATTEMPTS
              ? Mono.error(new IllegalStateException("update of " + t.name() + ": its unique "
                  + "values changed " + attempt + " times while it ran", e))
              : unique(cx, t, w, op, key, touched, attempt + 1);
        });
  }

  static Cond exists(TableInfo t, Placeholders ph) {
    return Cond.atom("attribute_exists(" + ph.name(t.attribute(t.partitionKey())) + ")");
  }
}
