package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.expr.Cond;
import io.toasty.dynamo.expr.ConditionWriter;
import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.table.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@code Operation.DeleteByKey}: one DeleteItem per key, conditioned on the item existing and on
 * the filter; returns how many were deleted. On a table with unique indexes the record and its
 * uniqueness items go in one TransactWriteItems, guarded on the unique values read just before
 * (see {@link UniqueWrites}), so a value is free again exactly when its record is gone. A record
 * that a limited relation counts goes with its owner's counter ({@link CountedWrites}); one that
 * checked keys point at, or whose checked key is counted on its target, goes in a transaction of
 * its own with those counters (docs/design/integrity.md).
 */
public final class DeleteByKeyOp {
  private DeleteByKeyOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.DeleteByKey op) {
    return Mono.defer(() -> {
      TableInfo t = cx.table(op.table());
      Mono<Void> restricted = References.unreferenced(cx, t, Items.keys(t, op.keys()));
      if (CountedWrites.counted(cx, t)) {
        return restricted.then(CountedWrites.delete(cx, t, op));
      }
      if (CountedWrites.guarded(cx, t)) {
        return restricted.then(CountedWrites.deleteEach(cx, t, op));
      }
      return restricted.thenMany(Flux.fromIterable(Items.keys(t, op.keys())))
          .flatMap(key -> t.uniqueIndexes().isEmpty() ? plain(cx, t, op, key)
              : unique(cx, t, op, key, 1), UpdateByKeyOp.CONCURRENCY)
          .count()
          .map(n -> (ExecResponse) new ExecResponse.Count(n));
    }).onErrorMap(DynamoContext::translate);
  }

  private static Mono<Boolean> plain(DynamoContext cx, TableInfo t, Operation.DeleteByKey op,
      Map<String, AttributeValue> key) {
    return Mono.defer(() -> {
      Placeholders ph = new Placeholders();
      Cond condition = Cond.and(UpdateByKeyOp.exists(t, ph),
          new ConditionWriter(t, op.args(), ph).whenTrue(op.filter()));
      if (condition.equals(Cond.FALSE)) {
        return Mono.empty();
      }
      String ce = condition.textOrNull();
      DeleteItemRequest request = DeleteItemRequest.builder()
          .tableName(t.physicalName())
          .key(key)
          .conditionExpression(ce)
          .expressionAttributeNames(ph.names(ce))
          .expressionAttributeValues(ph.values(ce))
          .build();
      return ConflictRetries.onConflict(cx.call(() -> cx.client().deleteItem(request)))
          .thenReturn(true)
          .onErrorResume(ConditionalCheckFailedException.class, e -> Mono.empty());
    });
  }

  private static Mono<Boolean> unique(DynamoContext cx, TableInfo t, Operation.DeleteByKey op,
      Map<String, AttributeValue> key, int attempt) {
    Set<Integer> guarded = UniqueWrites.columns(t, t.uniqueIndexes());
    return UniqueWrites.read(cx, t, key).flatMap(old -> {
      Placeholders ph = new Placeholders();
      Cond condition = Cond.and(List.of(UpdateByKeyOp.exists(t, ph),
          new ConditionWriter(t, op.args(), ph).whenTrue(op.filter()),
          UniqueWrites.guard(t, guarded, old, ph)));
      if (condition.equals(Cond.FALSE)) {
        return Mono.empty();
      }
      String ce = condition.textOrNull();
      List<TransactWriteItem> writes = new ArrayList<>();
      writes.add(TransactWriteItem.builder().delete(Delete.builder()
          .tableName(t.physicalName())
          .key(key)
          .conditionExpression(ce)
          .expressionAttributeNames(ph.names(ce))
          .expressionAttributeValues(ph.values(ce))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
          .build()).build());
      for (TableInfo.Index ix : t.uniqueIndexes()) {
        String u = Uniqueness.key(t, ix, old);
        if (u != null) {
          writes.add(Uniqueness.delete(t, u));
        }
      }
      TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
          .transactItems(writes).build();
      Mono<Boolean> write = cx.call(() -> cx.client().transactWriteItems(
            request.toBuilder().clientRequestToken(DynamoContext.requestToken()).build()))
          .thenReturn(true);
      return ConflictRetries.onConflict(write.onErrorResume(TransactionCanceledException.class, e -> {
        switch (UniqueWrites.reason(t, guarded, old, e)) {
          case NOT_MATCHED:
            return Mono.empty();
          case RETRY:
            return attempt >= UniqueWrites.MAX_ATTEMPTS
                ? Mono.error(UniqueWrites.tooManyChanges(t, e))
                : unique(cx, t, op, key, attempt + 1);
          default:
            return Mono.error(e);
        }
      }));
    });
  }
}
