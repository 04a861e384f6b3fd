package io.toasty.dynamo.op;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.expr.Placeholders;
import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.ThrottledException;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@code Operation.GetByKey}: one key is a GetItem, more keys BatchGetItem, strongly consistent,
 * in chunks of 100 keys read one after another as the rows are consumed. A single key goes as
 * GetItem, which DynamoDB serves with less work than a batch of one (docs/design/performance.md).
 * Keys DynamoDB leaves unprocessed (throttling, the 16 MB
 * response limit) are asked for again after a growing, randomized pause ({@code Mono.delay}),
 * up to {@value #MAX_ATTEMPTS} times, then fail as a transient {@link ThrottledException}. Rows
 * come back in key order; missing keys are skipped.
 */
public final class GetByKeyOp {
  /** BatchGetItem takes at most this many keys. */
  static final int CHUNK = 100;
  /** How many times a chunk's unprocessed keys are asked for before the read fails. */
  static final int MAX_ATTEMPTS = 10;

  private GetByKeyOp() {}

  public static Mono<ExecResponse> run(DynamoContext cx, Operation.GetByKey op) {
    return Mono.fromSupplier(() -> {
      TableInfo t = cx.table(op.table());
      List<Map<String, AttributeValue>> keys = Items.keys(t, op.keys());
      if (keys.size() == 1) {
        return (ExecResponse) new ExecResponse.Rows(one(cx, t, op.columns(), keys.get(0)));
      }
      List<List<Map<String, AttributeValue>>> chunks = new ArrayList<>();
      for (int i = 0; i < keys.size(); i += CHUNK) {
        chunks.add(keys.subList(i, Math.min(keys.size(), i + CHUNK)));
      }
      Flux<Value.Record> rows = Flux.fromIterable(chunks)
          .concatMap(chunk -> chunk(cx, t, op.columns(), chunk), 1)
          .onErrorMap(DynamoContext::translate);
      return (ExecResponse) new ExecResponse.Rows(rows);
    }).onErrorMap(DynamoContext::translate);
  }

  /** The item of one key, or nothing where there is none. */
  private static Flux<Value.Record> one(DynamoContext cx, TableInfo t, List<Integer> columns,
      Map<String, AttributeValue> key) {
    Placeholders ph = new Placeholders();
    String projection = Items.projection(t, columns, t.primaryKey(), ph);
    GetItemRequest.Builder request = GetItemRequest.builder().tableName(t.physicalName())
        .key(key).consistentRead(true);
    if (projection != null) {
      request.projectionExpression(projection).expressionAttributeNames(ph.names(projection));
    }
    GetItemRequest built = request.build();
    return cx.call(() -> cx.client().getItem(built))
        .filter(r -> r.hasItem() && !r.item().isEmpty())
        .map(r -> Items.row(t, columns, r.item()))
        .flux()
        .onErrorMap(DynamoContext::translate);
  }

  private static Flux<Value.Record> chunk(DynamoContext cx, TableInfo t, List<Integer> columns,
      List<Map<String, AttributeValue>> keys) {
    Placeholders ph = new Placeholders();
    String projection = Items.projection(t, columns, t.primaryKey(), ph);
    Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
    return fetch(cx, t, keys, projection, ph, found, 1)
        .thenMany(Flux.defer(() -> {
          List<Value.Record> out = new ArrayList<>();
          for (Map<String, AttributeValue> key : keys) {
            Map<String, AttributeValue> item = found.get(Items.canonical(key));
            if (item != null) {
              out.add(Items.row(t, columns, item));
            }
          }
          return Flux.fromIterable(out);
        }));
  }

  private static Mono<Void> fetch(DynamoContext cx, TableInfo t,
      List<Map<String, AttributeValue>> keys, @Nullable String projection, Placeholders ph,
      Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found, int attempt) {
    KeysAndAttributes.Builder ka = KeysAndAttributes.builder().keys(keys).consistentRead(true);
    if (projection != null) {
      ka.projectionExpression(projection).expressionAttributeNames(ph.names(projection));
    }
    BatchGetItemRequest request = BatchGetItemRequest.builder()
        .requestItems(Map.of(t.physicalName(), ka.build())).build();
    return cx.call(() -> cx.client().batchGetItem(request))
        .flatMap(response -> {
          collect(t, response, found);
          List<Map<String, AttributeValue>> unprocessed = unprocessed(t, response);
          if (unprocessed.isEmpty()) {
            return Mono.empty();
          }
          if (attempt >= MAX_ATTEMPTS) {
            return Mono.error(new ThrottledException(TableInfo.BACKEND, unprocessed.size()
                + " keys of " + t.physicalName() + " were still unprocessed after "
                + MAX_ATTEMPTS + " attempts of BatchGetItem", null));
          }
          return Mono.delay(ConflictRetries.backoff(attempt))
              .then(fetch(cx, t, unprocessed, projection, ph, found, attempt + 1));
        });
  }

  private static void collect(TableInfo t, BatchGetItemResponse response,
      Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found) {
    List<Map<String, AttributeValue>> items = response.responses().get(t.physicalName());
    if (items != null) {
      for (Map<String, AttributeValue> item : items) {
        found.put(Items.canonical(Items.keyOf(t, item)), item);
      }
    }
  }

  private static List<Map<String, AttributeValue>> unprocessed(TableInfo t,
      BatchGetItemResponse response) {
    if (!response.hasUnprocessedKeys()) {
      return List.of();
    }
    KeysAndAttributes ka = response.unprocessedKeys().get(t.physicalName());
    return ka == null || !ka.hasKeys() ? List.of() : ka.keys();
  }
}
