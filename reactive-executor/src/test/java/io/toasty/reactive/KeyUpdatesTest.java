package io.toasty.reactive;

import static io.toasty.reactive.Models.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Statement;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.error.ConnectionLostException;
import io.toasty.planner.eval.Eval;
import io.toasty.stmt.Assignment;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.stmt.UpdateNode;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Updates by key that wait for the pool's one connection together are written by one statement,
 * each request with the count its own statement gives and each row with its own request's value;
 * a batch that fails lets each request run its own statement, unless its connection was lost
 * after sending; a key already in the waiting batch runs its own statement; a batch whose
 * requests all cancelled sends nothing; an update that reads the row never joins. A batch's
 * updates by key one after the other are written the same way, unless turned off.
 *
 * <p>The pool's one connection runs the table-level statements over rows in memory: filters and
 * assignments evaluated as a database would ({@link Eval}), so that the batch's {@code CASE} is
 * what writes each row's value.
 */
class KeyUpdatesTest {
  /** Users 1..8 by id, as rows of columns; the first statement holds the one connection. */
  private final Map<Long, Value.Record> stored = new TreeMap<>();
  /** The pool of the last {@link #db} made. */
  private OneConnectionPool pool;
  private final ConcurrentLinkedQueue<Operation.QuerySql> sent = new ConcurrentLinkedQueue<>();
  private final Sinks.Empty<Void> open = Sinks.empty();
  private final AtomicInteger statements = new AtomicInteger();
  /** Which statement fails, and how; null for none. */
  private volatile Predicate<Operation.QuerySql> fails;
  private volatile RuntimeException failure;

  KeyUpdatesTest() {
    stored.putAll(Models.storedUsers(8));
  }

  private Db db(boolean coalesce) {
    return db(coalesce, true);
  }

  private Db db(boolean coalesce, boolean mergeBatches) {
    pool = new OneConnectionPool(this::answer);
    return Toasty.builder().models(Models.USERS, Models.TODOS).poolMaxSize(1)
        .coalesceUpdates(coalesce).mergeBatchUpdates(mergeBatches)
        .driverFactory(config -> pool).build();
  }

  /** The statement run over the stored rows; the first one's answer waits for {@link #open}. */
  private Mono<ExecResponse> answer(Operation.QuerySql q) {
    sent.add(q);
    boolean first = statements.getAndIncrement() == 0;
    if (fails != null && fails.test(q)) {
      return Mono.error(failure);
    }
    Mono<ExecResponse> response = Mono.fromCallable(() -> run(q));
    return first ? open.asMono().then(response) : response;
  }

  private synchronized ExecResponse run(Operation.QuerySql q) {
    if (q.statement() instanceof Query read) {
      List<Value.Record> rows = new ArrayList<>();
      stored.values().forEach(r -> {
        if (Eval.isTrue(read.filter(), q.args(), r)) {
          rows.add(r);
        }
      });
      return new ExecResponse.Rows(Flux.fromIterable(rows));
    }
    UpdateNode u = (UpdateNode) q.statement();
    List<Value.Record> written = new ArrayList<>();
    for (Map.Entry<Long, Value.Record> e : stored.entrySet()) {
      Value.Record row = e.getValue();
      if (Eval.isTrue(u.filter(), q.args(), row)) {
        List<Value> columns = new ArrayList<>(row.fields());
        for (Assignment a : u.assignments()) {
          columns.set(a.target(), Eval.eval(a.value(), q.args(), row));
        }
        Value.Record after = new Value.Record(columns);
        e.setValue(after);
        written.add(after);
      }
    }
    return u.returning() instanceof Returning.Count ? new ExecResponse.Count(written.size())
        : new ExecResponse.Rows(Flux.fromIterable(written));
  }

  private static Query get(long id) {
    return Models.userById(id);
  }

  /** {@code SET nickname = nick WHERE id = id}, returning the count. */
  private static UpdateNode nickname(long id, String nick) {
    return new UpdateNode(
        new Source.Model("User"),
        new ExprNode.Compare(ExprNode.CompareOp.EQ, user(0), new ExprNode.Const(new Value.I64(id))),
        List.of(new Assignment(3, new ExprNode.Const(new Value.Str(nick)))),
        new Returning.Count());
  }

  private static long count(Db db, UpdateNode u) {
    return ((Value.I64) db.exec(u).blockLast(Duration.ofSeconds(10))).value();
  }

  /** Subscribes {@code updates} while a read holds the connection; their counts. */
  private List<Long> behindAHolder(Db db, List<UpdateNode> updates) {
    Disposable holder = db.exec(get(1)).subscribe();
    List<Mono<Long>> each = new ArrayList<>();
    for (UpdateNode u : updates) {
      each.add(db.exec(u).next().map(v -> ((Value.I64) v).value()).cache());
    }
    each.forEach(Mono::subscribe);
    open.tryEmitEmpty();
    List<Long> counts = new ArrayList<>();
    each.forEach(c -> counts.add(c.block(Duration.ofSeconds(10))));
    assertTrue(holder.isDisposed(), "the holder's read ended");
    return counts;
  }

  private String nick(long id) {
    return stored.get(id).get(3) instanceof Value.Str s ? s.value() : null;
  }

  private List<Operation.QuerySql> updatesSent() {
    return sent.stream().filter(q -> q.statement() instanceof UpdateNode).toList();
  }

  /** {@code updates} as one batch on {@code db}: each one's count. */
  private List<Object> batch(Db db, UpdateNode... updates) {
    open.tryEmitEmpty(); // nothing holds the connection
    List<Statement.Snapshot<?>> statements = new ArrayList<>();
    for (UpdateNode u : updates) {
      statements.add(new Statement.Snapshot<Object>(u,
          values -> values.next().map(v -> ((Value.I64) v).value())));
    }
    return db.execBatch(statements).block(Duration.ofSeconds(10));
  }

  /**
   * A batch's updates by key one after the other go as one statement, each with its own count
   * and value; a second update of a key comes after them (KeyUpdateRuns).
   */
  @Test
  void aBatchsConsecutiveUpdatesByKeyAreOneStatement() {
    List<Object> counts = batch(db(false), nickname(3, "c"), nickname(9, "x"), nickname(5, "e"),
        nickname(3, "cc"));
    assertEquals(List.of(1L, 0L, 1L, 1L), counts);
    assertEquals(2, updatesSent().size(), sent::toString);
    assertEquals(2, pool.transactionOps.get(), "BEGIN and COMMIT");
    assertInstanceOf(ExprNode.InList.class, updatesSent().get(0).statement() instanceof UpdateNode u
        ? u.filter() : null);
    assertEquals("cc", nick(3));
    assertEquals("e", nick(5));
  }

  /** A batch that is one run of updates by key is that one statement, with no transaction. */
  @Test
  void aBatchOfOnlyUpdatesByKeyIsOneStatementWithoutATransaction() {
    List<Object> counts = batch(db(false), nickname(3, "c"), nickname(9, "x"), nickname(5, "e"));
    assertEquals(List.of(1L, 0L, 1L), counts);
    assertEquals(1, updatesSent().size(), sent::toString);
    assertEquals(0, pool.transactionOps.get(), "BEGIN and COMMIT sent");
    assertEquals("c", nick(3));
    assertEquals("e", nick(5));
  }

  /** With {@code mergeBatchUpdates(false)} each update of a batch sends its own statement. */
  @Test
  void turnedOffABatchsUpdatesEachSendTheirOwn() {
    List<Object> counts = batch(db(true, false), nickname(3, "c"), nickname(9, "x"),
        nickname(5, "e"));
    assertEquals(List.of(1L, 0L, 1L), counts);
    assertEquals(3, updatesSent().size(), sent::toString);
    assertEquals("c", nick(3));
  }

  @Test
  void updatesWaitingTogetherAreWrittenByOneStatement() {
    List<Long> counts = behindAHolder(db(true), List.of(nickname(3, "c"), nickname(9, "x"),
        nickname(5, "e"), nickname(7, "g"), nickname(2, "b")));
    assertEquals(List.of(1L, 0L, 1L, 1L, 1L), counts);
    assertEquals(List.of("c", "e", "g", "b"), List.of(nick(3), nick(5), nick(7), nick(2)));
    assertEquals(null, nick(1), "a row of no request kept its value");
    List<Operation.QuerySql> updates = updatesSent();
    assertEquals(1, updates.size(), "one statement for the five: " + sent);
    UpdateNode batch = (UpdateNode) updates.get(0).statement();
    ExprNode.InList keys = assertInstanceOf(ExprNode.InList.class, batch.filter());
    assertEquals(8, keys.items().size(), "five keys, padded to eight");
    ExprNode.Case value = assertInstanceOf(ExprNode.Case.class, batch.assignments().get(0).value());
    assertEquals(8, value.whens().size());
    assertEquals(new ExprNode.Column("users", 3), value.otherwise());
  }

  @Test
  void turnedOffEveryUpdateSendsItsOwnStatement() {
    List<Long> counts = behindAHolder(db(false), List.of(nickname(3, "c"), nickname(9, "x"),
        nickname(5, "e")));
    assertEquals(List.of(1L, 0L, 1L), counts);
    assertEquals(3, updatesSent().size());
    assertEquals("c", nick(3));
  }

  @Test
  void aFailedBatchLetsEachRequestRunItsOwnStatement() {
    fails = q -> q.statement() instanceof UpdateNode u && u.filter() instanceof ExprNode.InList;
    failure = new IllegalStateException("the batch's statement failed");
    List<Long> counts = behindAHolder(db(true), List.of(nickname(4, "d"), nickname(6, "f"),
        nickname(9, "x")));
    assertEquals(List.of(1L, 1L, 0L), counts);
    assertEquals("d", nick(4));
    assertEquals("f", nick(6));
    assertEquals(4, updatesSent().size(), "the failed batch, then one statement per request");
  }

  @Test
  void aBatchWhoseConnectionWasLostAfterSendingFailsEveryRequestAndSendsNoMore() {
    fails = q -> q.statement() instanceof UpdateNode u && u.filter() instanceof ExprNode.InList;
    failure = new ConnectionLostException("h2", null, "connection reset", null);
    Db db = db(true);
    Disposable holder = db.exec(get(1)).subscribe();
    List<Mono<Value>> each = List.of(db.exec(nickname(4, "d")).next().cache(),
        db.exec(nickname(6, "f")).next().cache());
    each.forEach(m -> m.subscribe(v -> { }, e -> { }));
    open.tryEmitEmpty();
    for (Mono<Value> m : each) {
      ConnectionLostException e = Assertions.assertThrows(
          ConnectionLostException.class, () -> m.block(Duration.ofSeconds(10)));
      assertTrue(!e.nothingSent());
    }
    assertEquals(1, updatesSent().size(), "no statement after one that may have been written");
    assertTrue(holder.isDisposed());
  }

  @Test
  void aSecondUpdateOfAKeyInTheBatchJoinsTheBatchQueuedAfterIt() {
    List<Long> counts = behindAHolder(db(true), List.of(nickname(3, "first"),
        nickname(5, "e"), nickname(3, "second"), nickname(6, "f"), nickname(3, "third")));
    assertEquals(List.of(1L, 1L, 1L, 1L, 1L), counts);
    List<Operation.QuerySql> updates = updatesSent();
    assertEquals(3, updates.size(), "3, 5 and 6; then 3 again; then 3 again: " + sent);
    assertEquals("third", nick(3), "each batch sent after the one before it");
    assertEquals("e", nick(5));
    assertEquals("f", nick(6));
  }

  @Test
  void aBatchHoldsAtMost64KeysAndTheNextUpdatesJoinTheOneAfter() {
    List<UpdateNode> updates = new ArrayList<>();
    for (long id = 1; id <= 100; id++) {
      updates.add(nickname(id, "n" + id));
    }
    List<Long> counts = behindAHolder(db(true), updates);
    for (int i = 0; i < 100; i++) {
      assertEquals(i < 8 ? 1L : 0L, counts.get(i), "update of " + (i + 1));
    }
    for (long id = 1; id <= 8; id++) {
      assertEquals("n" + id, nick(id));
    }
    List<Operation.QuerySql> batches = updatesSent();
    assertEquals(2, batches.size(), "64 keys, then 36 padded to 64: " + sent);
    assertEquals(64, ((ExprNode.InList) ((UpdateNode) batches.get(1).statement()).filter()).items()
        .size());
  }

  @Test
  void aBatchWhoseRequestsAllCancelledSendsNothing() {
    Db db = db(true);
    Disposable holder = db.exec(get(1)).subscribe();
    Disposable a = db.exec(nickname(2, "b")).subscribe();
    Disposable b = db.exec(nickname(3, "c")).subscribe();
    a.dispose();
    b.dispose();
    open.tryEmitEmpty();
    assertEquals(1L, count(db, nickname(4, "d")));
    assertEquals(List.of(List.of(new Value.I64(4))), updatesSent().stream()
        .map(q -> q.args().stream().filter(v -> v instanceof Value.I64).toList()).toList(),
        "only the last update was sent: " + sent);
    assertEquals(null, nick(2));
    assertEquals(null, nick(3));
    assertTrue(holder.isDisposed());
    assertEquals(0, db.poolState().orElseThrow().acquired());
  }

  @Test
  void anUpdateThatReadsTheRowNeverJoins() {
    UpdateNode reads =
        new UpdateNode(
            new Source.Model("User"),
            new ExprNode.Compare(
                ExprNode.CompareOp.EQ, user(0), new ExprNode.Const(new Value.I64(2))),
            List.of(new Assignment(3, user(1))),
            new Returning.Count());
    UpdateNode reads2 =
        new UpdateNode(
            reads.target(),
            new ExprNode.Compare(
                ExprNode.CompareOp.EQ, user(0), new ExprNode.Const(new Value.I64(3))),
            reads.assignments(),
            new Returning.Count());
    List<Long> counts = behindAHolder(db(true), List.of(reads, reads2));
    assertEquals(List.of(1L, 1L), counts);
    assertEquals(2, updatesSent().size());
    assertEquals("u2", nick(2));
    assertEquals("u3", nick(3));
  }

  @Test
  void anUpdateOfAUniqueFieldNeverJoins() {
    UpdateNode a =
        new UpdateNode(
            new Source.Model("User"),
            new ExprNode.Compare(
                ExprNode.CompareOp.EQ, user(0), new ExprNode.Const(new Value.I64(2))),
            List.of(new Assignment(2, new ExprNode.Const(new Value.Str("x@example.com")))),
            new Returning.Count());
    UpdateNode b = new UpdateNode(a.target(), new ExprNode.Compare(ExprNode.CompareOp.EQ, user(0),
        new ExprNode.Const(new Value.I64(3))), List.of(new Assignment(2,
        new ExprNode.Const(new Value.Str("y@example.com")))), new Returning.Count());
    assertEquals(List.of(1L, 1L), behindAHolder(db(true), List.of(a, b)));
    assertEquals(2, updatesSent().size());
  }
}
