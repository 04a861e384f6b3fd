package io.toasty.dynamo;

import static io.toasty.dynamo.Harness.arg;
import static io.toasty.dynamo.Harness.i32;
import static io.toasty.dynamo.Harness.str;
import static io.toasty.dynamo.Harness.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.ItemTooLargeException;
import io.toasty.driver.Operation;
import io.toasty.dynamo.models.Members;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.Expr;
import io.toasty.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A record larger than DynamoDB's 400 KB item is refused before anything is sent, with an
 * {@link ItemTooLargeException} naming the model and the size; one of exactly 400 KB, as the
 * driver counts it, is stored by DynamoDB Local (so the count is not lower than DynamoDB's).
 */
class ItemSizeTest {
  private static final String T = "members";
  private static final int LIMIT = 400 * 1024;
  private Harness h;

  @BeforeEach
  void open() {
    h = new Harness(Members.MODEL);
  }

  @AfterEach
  void close() {
    h.close();
  }

  private long insert(Value id, String email, String nickname) {
    return h.count(Harness.insertOp(T, List.of(List.of(id, str(email), str("red"), i32(1),
        str(nickname)))));
  }

  @Test
  void aCreateOverTheLimitIsRefusedNamingModelAndSizeAndNothingIsWritten() {
    ItemTooLargeException e = assertThrows(ItemTooLargeException.class,
        () -> insert(uuid(), "a@x", "n".repeat(LIMIT)));
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
        () -> insert(uuid(), "a@x", "n".repeat(LIMIT)));
    long rest = over.size() - LIMIT; // the item's other attributes and names, as counted
    Value id = uuid();
    assertEquals(1, insert(id, "b@x", "n".repeat((int) (LIMIT - rest))));
    assertEquals(1, h.scan(T).size());
    assertThrows(ItemTooLargeException.class,
        () -> insert(uuid(), "c@x", "n".repeat((int) (LIMIT - rest + 1))));
  }

  @Test
  void multiByteCharactersCountTheirUtf8Bytes() {
    // 140,000 characters of 3 bytes each: 420,000 bytes although fewer than 400 K characters
    ItemTooLargeException e = assertThrows(ItemTooLargeException.class,
        () -> insert(uuid(), "a@x", "€".repeat(140_000)));
    assertTrue(e.size() > 420_000, e::getMessage);
    assertEquals(0, h.scan(T).size());
  }

  @Test
  void anUpdateThatWouldGrowTheItemOverTheLimitIsRefusedAndTheItemKept() {
    Value id = uuid();
    insert(id, "a@x", "short");
    Operation.UpdateByKey update = new Operation.UpdateByKey(T, List.of(Value.Record.of(id)),
        List.of(new Assignment(4, arg(0))), Expr.TRUE, List.of(str("n".repeat(LIMIT))), false,
        List.of());
    ItemTooLargeException e = assertThrows(ItemTooLargeException.class, () -> h.count(update));
    assertEquals(Optional.of("Member"), e.model());
    List<Value.Record> stored = h.scan(T);
    assertEquals(1, stored.size());
    assertEquals(str("short"), stored.get(0).get(4));
  }

  @Test
  void anUpdateThatMovesAUniqueValueIsMeasuredWithTheStoredItem() {
    Value id = uuid();
    insert(id, "a@x", "n".repeat(LIMIT / 2));
    // the email moves (read, then write): the item as updated is the stored one plus the change
    Operation.UpdateByKey update = new Operation.UpdateByKey(T, List.of(Value.Record.of(id)),
        List.of(new Assignment(1, arg(0)), new Assignment(2, arg(1))), Expr.TRUE,
        List.of(str("b@x"), str("t".repeat(LIMIT / 2 + 1))), false, List.of());
    assertThrows(ItemTooLargeException.class, () -> h.count(update));
    List<Value.Record> stored = h.scan(T);
    assertEquals(1, stored.size());
    assertEquals(str("a@x"), stored.get(0).get(1));
  }
}
