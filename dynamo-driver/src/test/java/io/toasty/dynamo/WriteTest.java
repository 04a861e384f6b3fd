package io.toasty.dynamo;

import static io.toasty.dynamo.Harness.arg;
import static io.toasty.dynamo.Harness.cmp;
import static io.toasty.dynamo.Harness.col;
import static io.toasty.dynamo.Harness.i32;
import static io.toasty.dynamo.Harness.str;
import static io.toasty.dynamo.Harness.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.dynamo.models.Members;
import io.toasty.error.ItemTooLargeException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Inserts, updates and deletes, with uniqueness items and the 400 KB item limit, on DynamoDB
 * Local.
 */
class WriteTest {
  static final String T = "members";
  Harness h;

  @BeforeEach
  void open() {
    h = new Harness(Members.MODEL);
  }

  @AfterEach
  void close() {
    h.close();
  }

  static List<Value> member(Value id, String email, String team, int score, String nick) {
    return List.of(id, str(email), str(team), i32(score), nick == null ? Value.NULL : str(nick));
  }

  long insert(Value id, String email, String team, int score) {
    return h.count(Harness.insertOp(T, List.of(member(id, email, team, score, null))));
  }

  @Test
  void aDuplicateKeyNamesTheKeyField() {
    Value id = uuid();
    assertEquals(1, insert(id, "a@x", "red", 1));
    UniqueViolationException e = assertThrows(UniqueViolationException.class,
        () -> insert(id, "b@x", "red", 1));
    assertEquals(Optional.of("Member"), e.model());
    assertEquals(Optional.of("id"), e.field());
    assertEquals(1, h.scan(T).size());
  }

  @Test
  void aDuplicateUniqueValueNamesTheFieldAndWritesNothing() {
    insert(uuid(), "a@x", "red", 1);
    UniqueViolationException e = assertThrows(UniqueViolationException.class,
        () -> insert(uuid(), "a@x", "blue", 2));
    assertEquals(Optional.of("email"), e.field());
    assertTrue(e.getCause() != null);
    assertEquals(1, h.scan(T).size());
  }

  @Test
  void hundredConcurrentCreatesWithOneEmailStoreExactlyOne() {
    AtomicInteger violations = new AtomicInteger();
    List<Value> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      keys.add(uuid()); // here: UUID.randomUUID() may read /dev/urandom, a blocking call
    }
    List<Long> counts = Flux.range(0, 100)
        .flatMap(i -> h.driver.connect().flatMap(c -> c.exec(Harness.insertOp(T,
                List.of(member(keys.get(i), "same@x", "t" + i, i, null)))))
            .map(r -> ((ExecResponse.Count) r).count())
            .onErrorResume(UniqueViolationException.class, e -> {
              violations.incrementAndGet();
              return Mono.empty();
            })
            .subscribeOn(Schedulers.parallel()), 100)
        // A hang guard only: up to 1,100 conflicting transactions (each writer retries ten
        // times) can take minutes on DynamoDB Local when the machine is loaded.
        .collectList().block(Duration.ofMinutes(5));
    assertEquals(List.of(1L), counts);
    assertEquals(99, violations.get());
    assertEquals(1, h.scan(T).size());
  }

  @Test
  void aMultiRowInsertIsAllOrNothing() {
    insert(uuid(), "taken@x", "red", 1);
    List<List<Value>> rows = new ArrayList<>();
    rows.add(member(uuid(), "n1@x", "red", 1, null));
    rows.add(member(uuid(), "taken@x", "red", 1, null));
    UniqueViolationException e = assertThrows(UniqueViolationException.class,
        () -> h.count(Harness.insertOp(T, rows)));
    assertEquals(Optional.of("email"), e.field());
    assertEquals(1, h.scan(T).size());
    rows.set(1, member(uuid(), "n2@x", "blue", 2, "nick"));
    assertEquals(2, h.count(Harness.insertOp(T, rows)));
    assertEquals(3, h.scan(T).size());
  }

  @Test
  void aDuplicateWithinOneBatchIsRefusedBeforeWriting() {
    List<List<Value>> rows = List.of(member(uuid(), "d@x", "red", 1, null),
        member(uuid(), "d@x", "red", 2, null));
    assertThrows(UniqueViolationException.class, () -> h.count(Harness.insertOp(T, rows)));
    assertEquals(0, h.scan(T).size());
  }

  @Test
  void moreThanATransactionHoldsIsATypedError() {
    List<List<Value>> rows = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      rows.add(member(uuid(), "m" + i + "@x", "red", i, null));
    }
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> h.count(Harness.insertOp(T, rows)));
    assertEquals("dynamodb", e.backend());
    assertEquals(0, h.scan(T).size());
  }

  Operation.UpdateByKey update(Value id, List<Assignment> set, ExprNode filter, List<Value> args,
      boolean returning) {
    return new Operation.UpdateByKey(T, List.of(Value.Record.of(id)), set, filter, args,
        returning, returning ? List.of(0, 1, 2, 3, 4) : List.of());
  }

  @Test
  void changingAUniqueValueFreesTheOldOneAndClaimsTheNew() {
    Value ann = uuid();
    Value bob = uuid();
    insert(ann, "ann@x", "red", 1);
    insert(bob, "bob@x", "red", 1);
    assertEquals(1, h.count(update(ann, List.of(new Assignment(1, arg(0))), ExprNode.TRUE,
        List.of(str("anna@x")), false)));
    // the old value is free, the new one taken
    assertEquals(1, insert(uuid(), "ann@x", "blue", 0));
    UniqueViolationException e = assertThrows(UniqueViolationException.class,
        () -> h.count(update(bob, List.of(new Assignment(1, arg(0))), ExprNode.TRUE,
            List.of(str("anna@x")), false)));
    assertEquals(Optional.of("email"), e.field());
    List<String> emails = h.scan(T).stream().map(r -> ((Value.Str) r.get(1)).value()).sorted()
        .toList();
    assertEquals(List.of("ann@x", "anna@x", "bob@x"), emails);
  }

  @Test
  void updatesCountOnlyItemsThatExistAndMatchTheFilter() {
    Value id = uuid();
    insert(id, "a@x", "red", 5);
    ExprNode scoreAbove = cmp(CompareOp.GT, col(T, 3), arg(1));
    assertEquals(0, h.count(update(id, List.of(new Assignment(3, arg(0))), scoreAbove,
        List.of(i32(9), i32(5)), false)));
    assertEquals(1, h.count(update(id, List.of(new Assignment(3, arg(0))), scoreAbove,
        List.of(i32(9), i32(4)), false)));
    assertEquals(0, h.count(update(uuid(), List.of(new Assignment(3, arg(0))), ExprNode.TRUE,
        List.of(i32(1)), false)));
    List<Value.Record> rows = h.rows(update(id, List.of(new Assignment(3,
        new ExprNode.Arith(ExprNode.ArithOp.ADD, col(T, 3), arg(0))), new Assignment(4, arg(1))),
        ExprNode.TRUE, List.of(i32(1), str("nick")), true));
    assertEquals(1, rows.size());
    assertEquals(i32(10), rows.get(0).get(3));
    assertEquals(str("nick"), rows.get(0).get(4));
    rows = h.rows(update(id, List.of(new Assignment(4, arg(0))), ExprNode.TRUE,
        List.of(Value.NULL), true));
    assertEquals(Value.NULL, rows.get(0).get(4));
  }

  @Test
  void deletingARecordFreesItsUniqueValue() {
    Value id = uuid();
    insert(id, "a@x", "red", 1);
    Operation.DeleteByKey delete = new Operation.DeleteByKey(T, List.of(Value.Record.of(id)),
        cmp(CompareOp.EQ, col(T, 2), arg(0)), List.of(str("blue")));
    assertEquals(0, h.count(delete));
    delete = new Operation.DeleteByKey(T, List.of(Value.Record.of(id)),
        cmp(CompareOp.EQ, col(T, 2), arg(0)), List.of(str("red")));
    assertEquals(1, h.count(delete));
    assertEquals(0, h.count(delete));
    assertEquals(1, insert(uuid(), "a@x", "red", 1));
  }

  @Test
  void keyFieldsCannotBeAssigned() {
    Value id = uuid();
    insert(id, "a@x", "red", 1);
    assertThrows(UnsupportedFeatureException.class, () -> h.count(update(id,
        List.of(new Assignment(0, arg(0))), ExprNode.TRUE, List.of(uuid()), false)));
  }

  // DynamoDB's 400 KB item: a record larger is refused before anything is sent, with an
  // ItemTooLargeException naming the model and the size; one of exactly 400 KB, as the driver
  // counts it, is stored by DynamoDB Local (so the count is not lower than DynamoDB's).

  private static final int LIMIT = 400 * 1024;

  private long insertNicknamed(Value id, String email, String nickname) {
    return h.count(Harness.insertOp(T, List.of(List.of(id, str(email), str("red"), i32(1),
        str(nickname)))));
  }

  @Test
  void aCreateOverTheLimitIsRefusedNamingModelAndSizeAndNothingIsWritten() {
    ItemTooLargeException e = assertThrows(ItemTooLargeException.class,
        () -> insertNicknamed(uuid(), "a@x", "n".repeat(LIMIT)));
    assertEquals(Optional.of("Member"), e.model());
    assertEquals(LIMIT, e.limit());
    assertTrue(e.size() > LIMIT, e::getMessage);
    assertTrue(e.getMessage().contains("Member") && e.getMessage().contains(e.size() + " bytes"),
        e::getMessage);
    assertFalse(e.isTransient());
    assertEquals(0, h.scan(T).size(), "no item, no uniqueness item");
  }

  @Test
  void aCreateOfExactlyTheLimitIsStored() {
    ItemTooLargeException over = assertThrows(ItemTooLargeException.class,
        () -> insertNicknamed(uuid(), "a@x", "n".repeat(LIMIT)));
    long rest = over.size() - LIMIT; // the item's other attributes and names, as counted
    Value id = uuid();
    assertEquals(1, insertNicknamed(id, "b@x", "n".repeat((int) (LIMIT - rest))));
    assertEquals(1, h.scan(T).size());
    assertThrows(ItemTooLargeException.class,
        () -> insertNicknamed(uuid(), "c@x", "n".repeat((int) (LIMIT - rest + 1))));
  }

  @Test
  void multiByteCharactersCountTheirUtf8Bytes() {
    // 140,000 characters of 3 bytes each: 420,000 bytes although fewer than 400 K characters
    ItemTooLargeException e = assertThrows(ItemTooLargeException.class,
        () -> insertNicknamed(uuid(), "a@x", "€".repeat(140_000)));
    assertTrue(e.size() > 420_000, e::getMessage);
    assertEquals(0, h.scan(T).size());
  }

  @Test
  void anUpdateThatWouldGrowTheItemOverTheLimitIsRefusedAndTheItemKept() {
    Value id = uuid();
    insertNicknamed(id, "a@x", "short");
    Operation.UpdateByKey update = new Operation.UpdateByKey(T, List.of(Value.Record.of(id)),
        List.of(new Assignment(4, arg(0))), ExprNode.TRUE, List.of(str("n".repeat(LIMIT))), false,
        List.of());
    ItemTooLargeException e = assertThrows(ItemTooLargeException.class, () -> h.count(update));
    assertEquals(Optional.of("Member"), e.model());
    List<Value.Record> stored = h.scan(T);
    assertEquals(1, stored.size());
    assertEquals(str("short"), stored.get(0).get(4));
  }

  /**
   * An update that is sent without reading the item (no unique value moves) is measured by
   * what it sends; when its changes grow the stored item past 400 KB, DynamoDB refuses it
   * itself, and that refusal is the same ItemTooLargeException, naming the model (its size
   * unknown), with the item as it was.
   */
  @Test
  void anUpdateThatDynamoDbRefusesAsTooLargeIsItemTooLargeAndTheItemKept() {
    Value id = uuid();
    insertNicknamed(id, "a@x", "n".repeat(LIMIT / 2));
    Operation.UpdateByKey update = new Operation.UpdateByKey(T, List.of(Value.Record.of(id)),
        List.of(new Assignment(2, arg(0))), ExprNode.TRUE,
        List.of(str("t".repeat(LIMIT / 2 + 1024))), false, List.of());
    ItemTooLargeException e = assertThrows(ItemTooLargeException.class, () -> h.count(update));
    assertEquals(Optional.of("Member"), e.model());
    assertEquals(-1, e.size());
    assertEquals(LIMIT, e.limit());
    assertTrue(e.getMessage().contains("Item size"), e::getMessage);
    assertFalse(e.isTransient());
    List<Value.Record> stored = h.scan(T);
    assertEquals(1, stored.size());
    assertEquals(str("red"), stored.get(0).get(2));
  }

  @Test
  void anUpdateThatMovesAUniqueValueIsMeasuredWithTheStoredItem() {
    Value id = uuid();
    insertNicknamed(id, "a@x", "n".repeat(LIMIT / 2));
    // the email moves (read, then write): the item as updated is the stored one plus the change
    Operation.UpdateByKey update = new Operation.UpdateByKey(T, List.of(Value.Record.of(id)),
        List.of(new Assignment(1, arg(0)), new Assignment(2, arg(1))), ExprNode.TRUE,
        List.of(str("b@x"), str("t".repeat(LIMIT / 2 + 1))), false, List.of());
    assertThrows(ItemTooLargeException.class, () -> h.count(update));
    List<Value.Record> stored = h.scan(T);
    assertEquals(1, stored.size());
    assertEquals(str("a@x"), stored.get(0).get(1));
  }
}
