package io.toasty.dynamo;

import static io.toasty.dynamo.Harness.str;
import static io.toasty.dynamo.Harness.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.driver.Operation;
import io.toasty.dynamo.models.Pods;
import io.toasty.dynamo.models.Whales;
import io.toasty.error.CardinalityException;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.UniqueViolationException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The counter of a limited relation ({@code @AtMost(2)} whales per pod) on the pod's item: kept
 * by inserts, moves and deletes of whales in their own TransactWriteItems, and a failed counter
 * condition told apart from the transaction's other cancellation reasons.
 */
class LimitCounterTest {
  static final String PODS = "pods";
  static final String WHALES = "whales";
  static final String COUNTER = "toasty.count.whales";
  Harness h;

  @BeforeEach
  void open() {
    h = new Harness(Pods.MODEL, Whales.MODEL);
  }

  @AfterEach
  void close() {
    h.close();
  }

  private Operation.Insert whale(Value id, Value pod) {
    return Harness.insertOp(WHALES, List.of(List.of(id, str("w"), pod)));
  }

  /** The pod's counter as stored, or empty when the item has none. */
  private Optional<Long> counter(Value pod) {
    Map<String, AttributeValue> item = h.driver.client().getItem(GetItemRequest.builder()
        .tableName(h.driver.tablePrefix() + PODS)
        .key(Map.of("id", AttributeValue.fromS(((Value.Uuid) pod).value().toString())))
        .consistentRead(true).build()).join().item();
    return Optional.ofNullable(item.get(COUNTER)).map(a -> Long.parseLong(a.n()));
  }

  @Test
  void insertsCountUpToTheLimitAndTheNextIsRefusedNamingTheRelation() {
    Value pod = uuid();
    h.insert(PODS, pod, str("orcas"));
    assertEquals(Optional.empty(), counter(pod));
    h.count(whale(uuid(), pod));
    h.count(whale(uuid(), pod));
    assertEquals(Optional.of(2L), counter(pod));
    CardinalityException e = assertThrows(CardinalityException.class,
        () -> h.count(whale(uuid(), pod)));
    assertEquals(Optional.of("Pod"), e.model());
    assertEquals("whales", e.relation());
    assertEquals(3, e.count());
    assertInstanceOf(TransactionCanceledException.class, e.getCause());
    assertEquals(2, h.scan(WHALES).size());
    assertEquals(Optional.of(2L), counter(pod));
  }

  @Test
  void aWhaleOfNoPodIsAForeignKeyViolation() {
    assertThrows(ForeignKeyViolationException.class, () -> h.count(whale(uuid(), uuid())));
    assertEquals(0, h.scan(WHALES).size());
    assertEquals(1, h.count(whale(uuid(), Value.NULL)));
  }

  @Test
  void aDuplicateKeyIsNotTakenForAFullPod() {
    Value pod = uuid();
    Value taken = uuid();
    h.insert(PODS, pod, str("orcas"));
    h.count(whale(taken, pod));
    h.count(whale(uuid(), pod));
    // the whale's put and the pod's counter both fail: the first reason, the key, is the error
    UniqueViolationException e = assertThrows(UniqueViolationException.class,
        () -> h.count(whale(taken, pod)));
    assertEquals(Optional.of("id"), e.field());
  }

  @Test
  void movesAndDeletesGiveRoomBack() {
    Value full = uuid();
    Value other = uuid();
    h.insert(PODS, full, str("orcas"));
    h.insert(PODS, other, str("belugas"));
    Value a = uuid();
    h.count(whale(a, full));
    h.count(whale(uuid(), full));
    Operation.UpdateByKey move = new Operation.UpdateByKey(WHALES,
        List.of(new Value.Record(List.of(a))), List.of(new Assignment(2, new ExprNode.Arg(0))),
        ExprNode.TRUE, List.of(other), false, List.of());
    assertEquals(1, h.count(move));
    assertEquals(Optional.of(1L), counter(full));
    assertEquals(Optional.of(1L), counter(other));
    assertEquals(1, h.count(new Operation.DeleteByKey(WHALES,
        List.of(new Value.Record(List.of(a))), ExprNode.TRUE, List.of())));
    assertEquals(Optional.of(0L), counter(other));
    assertEquals(0, h.count(new Operation.DeleteByKey(WHALES,
        List.of(new Value.Record(List.of(a))), ExprNode.TRUE, List.of())));
    assertEquals(Optional.of(1L), counter(full));
  }
}
