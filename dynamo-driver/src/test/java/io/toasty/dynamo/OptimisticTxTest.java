package io.toasty.dynamo;

import static io.toasty.dynamo.Harness.arg;
import static io.toasty.dynamo.Harness.i32;
import static io.toasty.dynamo.Harness.str;
import static io.toasty.dynamo.Harness.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.driver.Operation.Transaction.Kind;
import io.toasty.dynamo.models.Members;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's optimistic transactions on DynamoDB Local: buffered writes read back inside the
 * transaction and invisible outside it until COMMIT, savepoints as marks, a conflict at COMMIT,
 * and the TransactWriteItems limit checked before anything is sent.
 */
class OptimisticTxTest {
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

  Connection begin() {
    Connection c = h.driver.connect().block(Harness.TIMEOUT);
    tx(c, Kind.BEGIN, null);
    return c;
  }

  static void tx(Connection c, Kind kind, String savepoint) {
    c.exec(new Operation.Transaction(kind, null, false, savepoint)).block(Harness.TIMEOUT);
  }

  static List<Value.Record> rows(Connection c, Operation op) {
    return ((ExecResponse.Rows) c.exec(op).block(Harness.TIMEOUT)).rows().collectList()
        .block(Harness.TIMEOUT);
  }

  static Operation.Insert insert(Value id, String email, int score) {
    return Harness.insertOp(T, List.of(List.of(id, str(email), str("red"), i32(score),
        Value.NULL)));
  }

  static Operation.GetByKey get(Value id) {
    return new Operation.GetByKey(T, List.of(0, 3), List.of(Value.Record.of(id)));
  }

  static Operation.UpdateByKey score(Value id, int score) {
    return new Operation.UpdateByKey(T, List.of(Value.Record.of(id)),
        List.of(new Assignment(3, arg(0))), ExprNode.TRUE, List.of(i32(score)), false,
        List.of());
  }

  @Test
  void writesAreReadBackInsideAndSentOnlyAtCommit() {
    Value ann = uuid();
    Connection c = begin();
    c.exec(insert(ann, "ann@x", 1)).block(Harness.TIMEOUT);
    c.exec(score(ann, 2)).block(Harness.TIMEOUT);
    assertEquals(List.of(Value.Record.of(ann, i32(2))), rows(c, get(ann)));
    assertEquals(1, rows(c, new Operation.Scan(T, List.of(0), ExprNode.TRUE, List.of())).size());
    assertEquals(List.of(), h.rows(get(ann)), "nothing is sent before COMMIT");
    tx(c, Kind.COMMIT, null);
    assertEquals(List.of(Value.Record.of(ann, i32(2))), h.rows(get(ann)));
  }

  @Test
  void aRollbackToASavepointDropsTheWritesAfterIt() {
    Value ann = uuid();
    Value bob = uuid();
    Connection c = begin();
    c.exec(insert(ann, "ann@x", 1)).block(Harness.TIMEOUT);
    tx(c, Kind.SAVEPOINT, "s1");
    c.exec(insert(bob, "bob@x", 1)).block(Harness.TIMEOUT);
    c.exec(score(ann, 5)).block(Harness.TIMEOUT);
    tx(c, Kind.ROLLBACK_TO_SAVEPOINT, "s1");
    tx(c, Kind.COMMIT, null);
    assertEquals(List.of(Value.Record.of(ann, i32(1))), h.rows(get(ann)));
    assertEquals(List.of(), h.rows(get(bob)));
  }

  @Test
  void aUniqueValueHeldByAnotherRecordFailsTheStatementAtOnce() {
    h.count(insert(uuid(), "ann@x", 1));
    Connection c = begin();
    assertThrows(UniqueViolationException.class,
        () -> c.exec(insert(uuid(), "ann@x", 1)).block(Harness.TIMEOUT));
    tx(c, Kind.ROLLBACK, null);
  }

  @Test
  void anItemChangedSinceItWasReadFailsTheCommitAndNothingIsWritten() {
    Value ann = uuid();
    Value bob = uuid();
    h.count(insert(ann, "ann@x", 1));
    Connection c = begin();
    rows(c, get(ann));
    c.exec(insert(bob, "bob@x", 1)).block(Harness.TIMEOUT);
    h.count(score(ann, 7));
    assertThrows(SerializationFailureException.class, () -> tx(c, Kind.COMMIT, null));
    assertEquals(List.of(), h.rows(get(bob)));
  }

  @Test
  void aCommitOverTheItemLimitIsRefusedBeforeAnythingIsSent() {
    List<Value> ids = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      ids.add(uuid());
      h.count(insert(ids.get(i), "m" + i + "@x", i));
    }
    Connection c = begin();
    assertEquals(101, rows(c, new Operation.Scan(T, List.of(0), ExprNode.TRUE, List.of()))
        .size());
    c.exec(score(ids.get(0), 1000)).block(Harness.TIMEOUT);
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
        () -> tx(c, Kind.COMMIT, null));
    assertEquals(Feature.TRANSACTION_SIZE, e.feature());
    assertTrue(e.getMessage().contains("1 items written, 101 read"), e::getMessage);
    assertEquals(List.of(Value.Record.of(ids.get(0), i32(0))), h.rows(get(ids.get(0))));
  }
}
