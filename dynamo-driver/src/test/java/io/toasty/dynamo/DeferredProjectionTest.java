package io.toasty.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.models.Events;
import io.toasty.schema.Schema;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A read of some columns (what the planner sends for a query that leaves a deferred field
 * unread) asks DynamoDB for those attributes alone: its {@code ProjectionExpression} names no
 * other, so the item's other attributes never cross the wire.
 */
class DeferredProjectionTest {

  /** A client that records every request it is sent. */
  static DynamoDbAsyncClient recording(DynamoDbAsyncClient real, List<Object> requests) {
    return (DynamoDbAsyncClient) Proxy.newProxyInstance(
        DynamoDbAsyncClient.class.getClassLoader(), new Class<?>[] {DynamoDbAsyncClient.class},
        (proxy, method, args) -> {
          if (args != null && args.length == 1) {
            requests.add(args[0]);
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static List<Value.Record> rows(DynamoDriver d, Operation op) {
    ExecResponse r = d.connect().block(Harness.TIMEOUT).exec(op).block(Harness.TIMEOUT);
    return ((ExecResponse.Rows) r).rows().collectList().block(Harness.TIMEOUT);
  }

  private static void assertNamesOnly(String projection, Map<String, String> names,
      List<String> attributes) {
    assertNotNull(projection, "a read of some columns has a ProjectionExpression");
    List<String> named = List.of(projection.split(",\\s*")).stream().map(names::get).toList();
    assertEquals(attributes, named, projection + " " + names);
  }

  @Test
  void aReadOfSomeColumnsProjectsOnlyThoseAttributes() {
    try (Harness h = new Harness(Events.MODEL)) {
      h.insert("events", Harness.str("s"), Harness.i64(1), Harness.str("a large kind"),
          Harness.str("note"));
      List<Object> requests = new CopyOnWriteArrayList<>();
      DynamoDriver d = DynamoDriver.builder()
          .client(recording(LocalDynamo.client(), requests))
          .schema(Schema.of(List.of(Events.MODEL.schema())))
          .tablePrefix(h.driver.tablePrefix())
          .build();
      List<Value.Record> byKey = rows(d, new Operation.GetByKey("events", List.of(0, 1, 3),
          List.of(Value.Record.of(Harness.str("s"), Harness.i64(1)))));
      assertEquals(List.of(Value.Record.of(Harness.str("s"), Harness.i64(1),
          Harness.str("note"))), byKey);
      GetItemRequest get = requests.stream().filter(r -> r instanceof GetItemRequest)
          .map(r -> (GetItemRequest) r).findFirst().orElseThrow();
      assertNamesOnly(get.projectionExpression(), get.expressionAttributeNames(),
          List.of("stream", "seq", "note"));
      assertTrue(get.consistentRead(), "a get by key reads the table strongly consistent");

      List<Value.Record> both = rows(d, new Operation.GetByKey("events", List.of(0, 1, 3),
          List.of(Value.Record.of(Harness.str("s"), Harness.i64(1)),
              Value.Record.of(Harness.str("s"), Harness.i64(2)))));
      assertEquals(byKey, both);
      BatchGetItemRequest batch = requests.stream().filter(r -> r instanceof BatchGetItemRequest)
          .map(r -> (BatchGetItemRequest) r).findFirst().orElseThrow();
      KeysAndAttributes ka = batch.requestItems().values().iterator().next();
      assertNamesOnly(ka.projectionExpression(), ka.expressionAttributeNames(),
          List.of("stream", "seq", "note"));

      List<Value.Record> scanned = rows(d, new Operation.Scan("events", List.of(0, 1, 3),
          ExprNode.TRUE, List.of()));
      assertEquals(byKey, scanned);
      ScanRequest scan = requests.stream().filter(r -> r instanceof ScanRequest)
          .map(r -> (ScanRequest) r).findFirst().orElseThrow();
      assertNamesOnly(scan.projectionExpression(), scan.expressionAttributeNames(),
          List.of("stream", "seq", "note"));
      assertFalse(scan.expressionAttributeNames().containsValue("kind"));
      assertTrue(requests.size() >= 2);
    }
  }
}
