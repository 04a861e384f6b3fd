package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;

/**
 * An {@code Operation.Atomic} of key reads: one TransactGetItems, a consistent read of every
 * item at one point in time, each operation's rows in the order of its keys (missing ones left
 * out). Beyond TransactGetItems' 100 items, each read is a BatchGetItem of its own (each
 * strongly consistent, not all at one point in time).
 */
final class AtomicReadOp {
  private AtomicReadOp() {}

  static Mono<ExecResponse> run(DynamoContext cx, List<Operation.GetByKey> reads) {
    return Mono.defer(() -> {
      // one Get per distinct item (TransactGetItems refuses an item twice)
      Map<List<Object>, Integer> position = new HashMap<>();
      List<TransactGetItem> gets = new ArrayList<>();
      for (Operation.GetByKey g : reads) {
        TableInfo t = cx.table(g.table());
        for (Map<String, AttributeValue> key : Items.keys(t, g.keys())) {
          position.computeIfAbsent(List.of(t.physicalName(), Items.canonical(key)), k -> {
            gets.add(TransactGetItem.builder().get(Get.builder().tableName(t.physicalName())
                .key(key).build()).build());
            return gets.size() - 1;
          });
        }
      }
      if (gets.size() > InsertOp.MAX_TRANSACTION_ITEMS) {
        return Flux.fromIterable(reads)
            .concatMap(g -> GetByKeyOp.run(cx, g).flatMap(AtomicReadOp::inMemory), 1)
            .collectList().map(ExecResponse.Each::new);
      }
      TransactGetItemsRequest request = TransactGetItemsRequest.builder()
          .transactItems(gets).build();
      return ConflictRetries.onConflict(cx.call(() -> cx.client().transactGetItems(request)))
          .map(r -> split(cx, reads, position, r.responses()));
    }).cast(ExecResponse.class).onErrorMap(DynamoContext::translate);
  }

  /** Each read's part of the answer, in order. */
  private static ExecResponse split(DynamoContext cx, List<Operation.GetByKey> reads,
      Map<List<Object>, Integer> position, List<ItemResponse> items) {
    List<ExecResponse> out = new ArrayList<>(reads.size());
    for (Operation.GetByKey g : reads) {
      TableInfo t = cx.table(g.table());
      List<Value.Record> rows = new ArrayList<>();
      for (Map<String, AttributeValue> key : Items.keys(t, g.keys())) {
        ItemResponse r = items.get(Objects.requireNonNull(position.get(List.of(t.physicalName(),
            Items.canonical(key))), "every key read has its place in the request"));
        if (r != null && r.hasItem() && !r.item().isEmpty()) {
          rows.add(Items.row(t, g.columns(), r.item()));
        }
      }
      out.add(new ExecResponse.Rows(Flux.fromIterable(rows)));
    }
    return new ExecResponse.Each(out);
  }

  private static Mono<ExecResponse> inMemory(ExecResponse r) {
    return ((ExecResponse.Rows) r).rows().collectList()
        .map(rows -> new ExecResponse.Rows(Flux.fromIterable(rows)));
  }
}
