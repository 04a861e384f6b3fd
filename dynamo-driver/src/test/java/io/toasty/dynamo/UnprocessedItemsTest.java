package io.toasty.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.models.Events;
import io.toasty.dynamo.models.Members;
import io.toasty.error.ThrottledException;
import io.toasty.value.Value;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A non-atomic insert goes as BatchWriteItem requests of at most 25 puts; puts DynamoDB leaves
 * unprocessed are sent again, only they, until every row is stored once; puts unprocessed
 * through every retry fail the insert as a transient, typed error that says how many are stored.
 * A table with unique values keeps its atomic, conditional TransactWriteItems.
 */
class UnprocessedItemsTest {

  /** What the fault-injecting client saw and passed on. */
  static final class Calls {
    final AtomicInteger batchWrites = new AtomicInteger();
    final AtomicInteger putsSent = new AtomicInteger();
    final AtomicInteger transactWrites = new AtomicInteger();
    final List<Integer> requestSizes = new ArrayList<>();
  }

  /**
   * A client whose first {@code faulty} BatchWriteItem calls process only their first
   * {@code processed} puts and return the rest as unprocessed; with {@code faulty} negative,
   * every call processes nothing (persistent throttling).
   */
  static DynamoDbAsyncClient faulty(DynamoDbAsyncClient real, Calls calls, int faulty,
      int processed) {
    return (DynamoDbAsyncClient) Proxy.newProxyInstance(
        DynamoDbAsyncClient.class.getClassLoader(), new Class<?>[] {DynamoDbAsyncClient.class},
        (proxy, method, args) -> {
          if (method.getName().equals("transactWriteItems")) {
            calls.transactWrites.incrementAndGet();
          }
          if (method.getName().equals("batchWriteItem") && args[0] instanceof BatchWriteItemRequest r) {
            int call = calls.batchWrites.incrementAndGet();
            String table = r.requestItems().keySet().iterator().next();
            List<WriteRequest> puts = r.requestItems().get(table);
            synchronized (calls.requestSizes) {
              calls.requestSizes.add(puts.size());
            }
            int take = faulty < 0 ? 0 : call <= faulty ? Math.min(processed, puts.size())
                : puts.size();
            List<WriteRequest> left = puts.subList(take, puts.size());
            calls.putsSent.addAndGet(take);
            CompletableFuture<BatchWriteItemResponse> f = take == 0
                ? CompletableFuture.completedFuture(BatchWriteItemResponse.builder().build())
                : real.batchWriteItem(r.toBuilder()
                    .requestItems(Map.of(table, puts.subList(0, take))).build());
            return f.thenApply(resp -> resp.toBuilder().unprocessedItems(left.isEmpty()
                ? Map.of() : Map.of(table, List.copyOf(left))).build());
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static DynamoDriver driver(Harness h, DynamoDbAsyncClient client) {
    return DynamoDriver.builder()
        .client(client)
        .schema(h.schema)
        .tablePrefix(h.driver.tablePrefix())
        .build();
  }

  /** A non-atomic insert of {@code n} events of stream "s", seq 0 to n - 1. */
  private static Operation.Insert events(int n) {
    List<List<Value>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(List.of(Harness.str("s"), Harness.i64(i), Harness.str("k" + i), Value.NULL));
    }
    Operation.Insert op = Harness.insertOp("events", rows);
    return new Operation.Insert(op.statement().withAtomic(false), op.args(), op.rowType());
  }

  private static ExecResponse send(DynamoDriver d, Operation op) {
    return d.connect().block(Harness.TIMEOUT).exec(op).block(Harness.TIMEOUT);
  }

  @Test
  void unprocessedPutsAreSentAgainNothingLostNothingDuplicated() {
    try (Harness h = new Harness(Events.MODEL)) {
      Calls calls = new Calls();
      // the first two calls store 3 puts each and leave the rest of the first request
      DynamoDriver d = driver(h, faulty(LocalDynamo.client(), calls, 2, 3));
      ExecResponse r = send(d, events(60));
      assertEquals(60, ((ExecResponse.Count) r).count());
      assertEquals(List.of(25, 22, 19, 25, 10), calls.requestSizes);
      assertEquals(60, calls.putsSent.get(), "every put reached the table exactly once");
      assertEquals(0, calls.transactWrites.get());
      List<Value.Record> stored = h.scan("events");
      assertEquals(60, stored.size());
      Set<Long> seqs = new TreeSet<>();
      stored.forEach(row -> seqs.add(((Value.I64) row.get(1)).value()));
      assertEquals(60, seqs.size());
      assertEquals(0L, seqs.iterator().next());
      assertEquals(59L, ((TreeSet<Long>) seqs).last());
    }
  }

  @Test
  void putsUnprocessedThroughEveryRetryFailAsATransientTypedError() {
    try (Harness h = new Harness(Events.MODEL)) {
      Calls calls = new Calls();
      DynamoDriver d = driver(h, faulty(LocalDynamo.client(), calls, -1, 0));
      ThrottledException e = assertThrows(ThrottledException.class, () -> send(d, events(30)));
      assertTrue(e.isTransient());
      assertTrue(e.getMessage().contains("25 records of Event were still unprocessed after 10 "
          + "attempts of BatchWriteItem; 0 of the 30 records"), e.getMessage());
      assertEquals(10, calls.batchWrites.get(), "the first request, ten times; no more");
      assertEquals(0, h.scan("events").size());
    }
  }

  @Test
  void aThrottledRequestKeepsTheRequestsBeforeItAndSaysSo() {
    try (Harness h = new Harness(Events.MODEL)) {
      Calls calls = new Calls();
      // every call stores one put: the first request's ten attempts store 10 of its 25
      DynamoDriver d = driver(h, faulty(LocalDynamo.client(), calls, Integer.MAX_VALUE, 1));
      ThrottledException e = assertThrows(ThrottledException.class, () -> send(d, events(30)));
      assertTrue(e.getMessage().contains("15 records of Event were still unprocessed after 10 "
          + "attempts of BatchWriteItem; 10 of the 30 records"), e.getMessage());
      assertEquals(10, h.scan("events").size(), "the stored ones are the ones the error counts");
    }
  }

  @Test
  void aTableWithUniqueValuesKeepsItsConditionalTransaction() {
    try (Harness h = new Harness(Members.MODEL)) {
      Calls calls = new Calls();
      DynamoDriver d = driver(h, faulty(LocalDynamo.client(), calls, 0, 0));
      List<List<Value>> rows = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        rows.add(List.of(Harness.uuid(), Harness.str("m" + i + "@example.com"),
            Harness.str("t"), Harness.i32(i), Value.NULL));
      }
      Operation.Insert op = Harness.insertOp("members", rows);
      ExecResponse r = send(d, new Operation.Insert(op.statement().withAtomic(false), op.args(),
          op.rowType()));
      assertEquals(3, ((ExecResponse.Count) r).count());
      assertEquals(0, calls.batchWrites.get());
      assertEquals(1, calls.transactWrites.get());
    }
  }
}
