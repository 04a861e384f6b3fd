package io.toasty.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.models.Events;
import io.toasty.error.ThrottledException;
import io.toasty.schema.Schema;
import io.toasty.value.Value;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Keys BatchGetItem leaves unprocessed are asked for again until every row is read, each once;
 * keys that stay unprocessed through every retry fail the read as a transient, typed error.
 */
class UnprocessedKeysTest {

  /** A client that, twice, processes only the first key of a BatchGetItem. */
  static DynamoDbAsyncClient throttling(DynamoDbAsyncClient real, AtomicInteger calls) {
    return (DynamoDbAsyncClient) Proxy.newProxyInstance(
        DynamoDbAsyncClient.class.getClassLoader(), new Class<?>[] {DynamoDbAsyncClient.class},
        (proxy, method, args) -> {
          if (method.getName().equals("batchGetItem") && args[0] instanceof BatchGetItemRequest r
              && calls.incrementAndGet() <= 2) {
            String table = r.requestItems().keySet().iterator().next();
            KeysAndAttributes ka = r.requestItems().get(table);
            List<Map<String, AttributeValue>> keys = ka.keys();
            BatchGetItemRequest first = r.toBuilder().requestItems(Map.of(table,
                ka.toBuilder().keys(keys.subList(0, 1)).build())).build();
            CompletableFuture<BatchGetItemResponse> f = real.batchGetItem(first);
            return f.thenApply(resp -> resp.toBuilder().unprocessedKeys(keys.size() == 1
                ? Map.of() : Map.of(table, ka.toBuilder().keys(keys.subList(1, keys.size()))
                .build())).build());
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** A client whose BatchGetItem never processes a key (always throttled). */
  static DynamoDbAsyncClient alwaysThrottled(DynamoDbAsyncClient real, AtomicInteger calls) {
    return (DynamoDbAsyncClient) Proxy.newProxyInstance(
        DynamoDbAsyncClient.class.getClassLoader(), new Class<?>[] {DynamoDbAsyncClient.class},
        (proxy, method, args) -> {
          if (method.getName().equals("batchGetItem") && args[0] instanceof BatchGetItemRequest r) {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(BatchGetItemResponse.builder()
                .responses(Map.of()).unprocessedKeys(r.requestItems()).build());
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void keysUnprocessedThroughEveryRetryFailAsATransientTypedError() {
    try (Harness h = new Harness(Events.MODEL)) {
      h.insert("events", Harness.str("s"), Harness.i64(1), Harness.str("k"), Value.NULL);
      AtomicInteger calls = new AtomicInteger();
      DynamoDriver d = DynamoDriver.builder()
          .client(alwaysThrottled(LocalDynamo.client(), calls))
          .schema(Schema.of(List.of(Events.MODEL.schema())))
          .tablePrefix(h.driver.tablePrefix())
          .build();
      // two keys: a single key is a GetItem, which has no unprocessed keys
      ExecResponse r = d.connect().block().exec(new Operation.GetByKey("events",
          List.of(0, 1, 2, 3), List.of(Value.Record.of(Harness.str("s"), Harness.i64(1)),
              Value.Record.of(Harness.str("s"), Harness.i64(2)))))
          .block(Harness.TIMEOUT);
      ThrottledException e = assertThrows(ThrottledException.class,
          () -> ((ExecResponse.Rows) r).rows().collectList().block(Harness.TIMEOUT));
      assertTrue(e.isTransient());
      assertTrue(e.getMessage().contains("still unprocessed"), e.getMessage());
      assertEquals(10, calls.get());
    }
  }

  @Test
  void unprocessedKeysAreReadAgain() {
    try (Harness h = new Harness(Events.MODEL)) {
      List<Value.Record> keys = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        h.insert("events", Harness.str("s"), Harness.i64(i), Harness.str("k"), Value.NULL);
        keys.add(Value.Record.of(Harness.str("s"), Harness.i64(i)));
      }
      AtomicInteger calls = new AtomicInteger();
      DynamoDriver d = DynamoDriver.builder()
          .client(throttling(LocalDynamo.client(), calls))
          .schema(Schema.of(List.of(Events.MODEL.schema())))
          .tablePrefix(h.driver.tablePrefix())
          .build();
      ExecResponse r = d.connect().block().exec(new Operation.GetByKey("events",
          List.of(0, 1, 2, 3), keys)).block(Harness.TIMEOUT);
      List<Value.Record> rows = ((ExecResponse.Rows) r).rows().collectList()
          .block(Harness.TIMEOUT);
      assertEquals(5, rows.size());
      assertEquals(3, calls.get());
      for (int i = 0; i < 5; i++) {
        assertEquals(Harness.i64(i), rows.get(i).get(1));
      }
    }
  }
}
