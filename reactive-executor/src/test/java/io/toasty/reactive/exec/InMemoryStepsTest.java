package io.toasty.reactive.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.driver.Operation;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.planner.action.AtomicWriteAction;
import io.toasty.planner.action.CountRowsAction;
import io.toasty.planner.action.DeleteByKeyAction;
import io.toasty.planner.action.SemiFilterAction;
import io.toasty.planner.action.SortRowsAction;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The engine's in-memory steps for key-value plans: the sort (order, NULLs, stability, the row
 * cap), the semi-filter (subquery values as an IN list, NOT IN with SQL's NULL rule), and the
 * atomic write (one request for every write, a count back to each).
 */
class InMemoryStepsTest {
  private static final String T = "t";

  private static Value.Record row(Object id, Object name) {
    return Value.Record.of(value(id), value(name));
  }

  private static Value value(Object o) {
    return o == null ? Value.NULL : o instanceof Long l ? new Value.I64(l)
        : new Value.Str((String) o);
  }

  static Inputs inputs(Map<Integer, List<Value.Record>> vars) {
    return v -> Flux.fromIterable(vars.get(v));
  }

  static List<Value.Record> run(Flux<Value.Record> f) {
    return f.collectList().block(Duration.ofSeconds(5));
  }

  static ExecContext noDriver() {
    return new ExecContext(op -> Flux.error(new AssertionError("sent " + op)), List.of());
  }

  @Test
  void sortsByEachTermNullsFirstAndKeepsTheReadOrderOfTies() {
    List<Value.Record> rows = List.of(row(1L, "b"), row(2L, null), row(3L, "a"), row(4L, "b"));
    SortRowsAction asc = new SortRowsAction(1, 0, List.of(new OrderBy(new ExprNode.Column(T, 1),
        OrderBy.Direction.ASC)), "Thing", "kv", 10);
    assertEquals(List.of(row(2L, null), row(3L, "a"), row(1L, "b"), row(4L, "b")),
        run(InMemorySort.run(asc, noDriver(), inputs(Map.of(0, rows)))));
    SortRowsAction desc = new SortRowsAction(1, 0, List.of(
        new OrderBy(new ExprNode.Column(T, 1), OrderBy.Direction.DESC),
        new OrderBy(new ExprNode.Column(T, 0), OrderBy.Direction.DESC)), "Thing", "kv", 10);
    assertEquals(List.of(row(4L, "b"), row(1L, "b"), row(3L, "a"), row(2L, null)),
        run(InMemorySort.run(desc, noDriver(), inputs(Map.of(0, rows)))));
  }

  /**
   * Rows already in order by the first term (an index's sort key): each run of ties is sorted by
   * the rest and emitted as the next run starts, so a limit stops the read early.
   */
  @Test
  void presortedRowsAreSortedOneRunOfTiesAtATime() {
    List<Value.Record> rows = List.of(row(3L, "a"), row(1L, "a"), row(2L, "a"), row(9L, "b"),
        row(5L, "c"), row(4L, "c"), row(6L, "d"));
    SortRowsAction runs = new SortRowsAction(1, 0, List.of(
        new OrderBy(new ExprNode.Column(T, 1), OrderBy.Direction.ASC),
        new OrderBy(new ExprNode.Column(T, 0), OrderBy.Direction.ASC)), "Thing", "kv", 10, 1);
    assertEquals(List.of(row(1L, "a"), row(2L, "a"), row(3L, "a"), row(9L, "b"), row(4L, "c"),
        row(5L, "c"), row(6L, "d")),
        run(InMemorySort.run(runs, noDriver(), inputs(Map.of(0, rows)))));
    AtomicInteger read = new AtomicInteger();
    Inputs counted = v -> Flux.fromIterable(rows).doOnNext(r -> read.incrementAndGet());
    assertEquals(List.of(row(1L, "a"), row(2L, "a"), row(3L, "a"), row(9L, "b")),
        run(InMemorySort.run(runs, noDriver(), counted).take(4)));
    assertTrue(read.get() < rows.size(), "the whole input was read for four rows: " + read);
  }

  @Test
  void refusesTheRowBeyondTheCapNamingTheModel() {
    AtomicInteger emitted = new AtomicInteger();
    SortRowsAction capped = new SortRowsAction(1, 0, List.of(new OrderBy(new ExprNode.Column(T, 1),
        OrderBy.Direction.ASC)), "Thing", "kv", 2);
    List<Value.Record> rows = List.of(row(1L, "b"), row(2L, "c"), row(3L, "a"));
    Throwable e = InMemorySort.run(capped, noDriver(), inputs(Map.of(0, rows)))
        .doOnNext(r -> emitted.incrementAndGet()).then().materialize()
        .block(Duration.ofSeconds(5)).getThrowable();
    UnsupportedFeatureException u = assertInstanceOf(UnsupportedFeatureException.class, e);
    assertEquals(Feature.ORDER_BY, u.feature());
    assertTrue(u.getMessage().contains("more than 2 records of Thing"), u.getMessage());
    assertEquals(0, emitted.get(), "nothing is emitted before the refusal");
  }

  @Test
  void semiFilterKeepsRowsWhoseValueTheSubqueryReturned() {
    Query sub = new Query(new Source.Table("s"), ExprNode.TRUE, new Returning.Project(
        List.of(new ExprNode.Column("s", 1))), List.of(), null);
    ExprNode.InSubquery in = new ExprNode.InSubquery(new ExprNode.Column(T, 0), sub);
    List<Value.Record> rows = List.of(row(1L, "a"), row(2L, "b"), row(3L, "c"));
    Map<Integer, List<Value.Record>> vars = Map.of(0, rows,
        1, List.of(Value.Record.of(new Value.I64(3)), Value.Record.of(new Value.I64(1)),
            Value.Record.of(new Value.I64(3))));
    SemiFilterAction any = new SemiFilterAction(2, 0, in, List.of(in), List.of(1));
    assertEquals(List.of(row(1L, "a"), row(3L, "c")),
        run(SemiFilterExec.run(any, noDriver(), inputs(vars))));
    SemiFilterAction none = new SemiFilterAction(2, 0, new ExprNode.Not(in), List.of(in),
        List.of(1));
    assertEquals(List.of(row(2L, "b")), run(SemiFilterExec.run(none, noDriver(), inputs(vars))));
    // NOT IN a list holding NULL is never TRUE, as in SQL
    Map<Integer, List<Value.Record>> withNull = Map.of(0, rows,
        1, List.of(Value.Record.of(new Value.I64(3)), Value.Record.of(Value.NULL)));
    assertEquals(List.of(), run(SemiFilterExec.run(none, noDriver(), inputs(withNull))));
  }

  @Test
  void atomicWriteSendsEveryWriteInOneRequestAndAnswersEach() {
    List<Operation> sent = new ArrayList<>();
    ExecContext cx = new ExecContext(op -> {
      sent.add(op);
      return Flux.just(ExecContext.count(2), ExecContext.count(1));
    }, List.of());
    Map<Integer, List<Value.Record>> keys = Map.of(
        0, List.of(Value.Record.of(new Value.I64(1)), Value.Record.of(new Value.I64(2))),
        1, List.of(Value.Record.of(new Value.I64(9))),
        2, List.of());
    AtomicWriteAction a = new AtomicWriteAction(3, List.of(
        new DeleteByKeyAction(3, 0, "children", ExprNode.TRUE),
        new DeleteByKeyAction(3, 2, "nobody", ExprNode.TRUE),
        new DeleteByKeyAction(3, 1, "parents", ExprNode.TRUE)));
    List<Value.Record> counts = run(AtomicWriteExec.run(a, cx, inputs(keys)));
    assertEquals(1, sent.size(), sent::toString);
    Operation.Atomic atomic = assertInstanceOf(Operation.Atomic.class, sent.get(0));
    // the write with no keys sends nothing and counts zero
    assertEquals(2, atomic.operations().size());
    assertEquals(List.of(ExecContext.count(2), ExecContext.count(0), ExecContext.count(1)),
        counts);
  }

  /** A count in memory ignores each row it counts, without a context lookup per row. */
  @Test
  void countingRowsLooksUpTheContextOnceNotPerRow() {
    List<Value.Record> rows = new ArrayList<>();
    for (long i = 0; i < 2_000; i++) {
      rows.add(row(i, "r"));
    }
    ContextLookups<Value.Record> lookups = ContextLookups.of(
        InMemoryExec.countRows(new CountRowsAction(1, 0), inputs(Map.of(0, rows))));
    assertEquals(List.of(ExecContext.count(2_000)), lookups.received());
    assertTrue(lookups.asked() < 100, "the context was asked " + lookups.asked() + " times");
  }
}
