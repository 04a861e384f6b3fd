package io.toasty.dynamo.op;

import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.ThrottledException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A non-atomic insert ({@code Insert.atomic() == false}: the planner proved no row can collide
 * with a stored one) as BatchWriteItem requests of at most {@value #MAX_ITEMS} puts, one after
 * the other. Puts DynamoDB leaves unprocessed (throttling, capacity) are sent again, only they,
 * after a growing pause with jitter, up to {@value #MAX_ATTEMPTS} attempts per request; then
 * the insert fails as a transient {@link ThrottledException} that says how many rows were
 * stored. A put is idempotent (the same item, under a key no other row has), so a row sent
 * twice after an ambiguous failure is still stored once.
 */
final class BatchPuts {
  /** BatchWriteItem takes at most this many requests. */
  static final int MAX_ITEMS = 25;
  /** How many times one request's unprocessed puts are sent before the insert fails. */
  static final int MAX_ATTEMPTS = 10;

  private BatchPuts() {}

  /** Puts every item of {@code items} into {@code t}, {@value #MAX_ITEMS} per request. */
  static Mono<Void> write(DynamoContext cx, TableInfo t, List<Map<String, AttributeValue>> items) {
    List<List<WriteRequest>> requests = new ArrayList<>();
    for (int from = 0; from < items.size(); from += MAX_ITEMS) {
      List<WriteRequest> one = new ArrayList<>();
      for (Map<String, AttributeValue> item : items.subList(from,
          Math.min(items.size(), from + MAX_ITEMS))) {
        one.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build())
            .build());
      }
      requests.add(one);
    }
    int[] stored = {0};
    return Flux.fromIterable(requests)
        .concatMap(r -> send(cx, t, r, 1, stored, items.size()), 1)
        .then();
  }

  private static Mono<Void> send(DynamoContext cx, TableInfo t, List<WriteRequest> puts,
      int attempt, int[] stored, int total) {
    BatchWriteItemRequest request = BatchWriteItemRequest.builder()
        .requestItems(Map.of(t.physicalName(), puts)).build();
    return cx.call(() -> cx.client().batchWriteItem(request))
        .flatMap(response -> {
          List<WriteRequest> left = unprocessed(t, response);
          stored[0] += puts.size() - left.size();
          if (left.isEmpty()) {
            return Mono.empty();
          }
          if (attempt >= MAX_ATTEMPTS) {
            return Mono.error(new ThrottledException(TableInfo.BACKEND, left.size()
                + " records of " + (t.model() == null ? t.name() : t.model())
                + " were still unprocessed after " + MAX_ATTEMPTS + " attempts of "
                + "BatchWriteItem; " + stored[0] + " of the " + total + " records of this "
                + "non-atomic insert are stored, the rest are not", null));
          }
          return Mono.delay(ConflictRetries.backoff(attempt))
              .then(send(cx, t, left, attempt + 1, stored, total));
        });
  }

  private static List<WriteRequest> unprocessed(TableInfo t, BatchWriteItemResponse response) {
    if (!response.hasUnprocessedItems()) {
      return List.of();
    }
    List<WriteRequest> left = response.unprocessedItems().get(t.physicalName());
    return left == null ? List.of() : left;
  }
}
