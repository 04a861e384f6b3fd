package io.toasty.reactive.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.ModelDef;
import io.toasty.driver.Operation;
import io.toasty.planner.lower.RowLift;
import io.toasty.planner.plan.node.KeyBinding;
import io.toasty.planner.plan.node.MergeBranch;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.LoadedRecords;
import io.toasty.value.RowReader;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The reactive join: order kept, one child operation per window, bounded demand on the parents
 * (backpressure), cancellation reaching the child operation, and keys that are NULL joining
 * nothing. Parents are {@code [id]}; children {@code [id, parentId]}, two per parent.
 */
class NestedMergeExecTest {
  private final List<Operation.QuerySql> sent = new CopyOnWriteArrayList<>();

  private static final Query CHILDREN = new Query(new Source.Table("children"), ExprNode.TRUE,
      new Returning.Project(List.of(new ExprNode.Column("children", 0),
          new ExprNode.Column("children", 1))), List.of(), null);

  private static MergeBranch branch() {
    return new MergeBranch(
        "children",
        new MergeBranch.SqlFetch(
            CHILDREN,
            List.of(Type.Scalar.I64, Type.Scalar.I64),
            new KeyBinding(-1, "children", List.of(1))),
        List.of(0),
        List.of(1),
        true,
        false,
        List.of(0),
        List.of(),
        RowLift.of(List.of(new ExprNode.Column("children", 0)), List.of(0, 1)),
        List.of());
  }

  /**
   * Answers a child query with two children per bound key, in reverse key order: a child query
   * has no ORDER BY, and the merge sorts each parent's children by key.
   */
  private Flux<Value.Record> children(Operation op, AtomicBoolean cancelled) {
    Operation.QuerySql q = (Operation.QuerySql) op;
    sent.add(q);
    List<Value.Record> rows = new ArrayList<>();
    for (Value key : q.args()) {
      long k = ((Value.I64) key).value();
      rows.add(Value.Record.of(new Value.I64(k * 10), key));
      rows.add(Value.Record.of(new Value.I64(k * 10 + 1), key));
    }
    Collections.reverse(rows);
    return Flux.fromIterable(rows).doOnCancel(() -> cancelled.set(true));
  }

  private ExecContext context(AtomicBoolean cancelled) {
    Sender main = op -> Flux.error(new AssertionError("the main connection is busy"));
    return new ExecContext(main, List.of(), op -> children(op, cancelled));
  }

  private static Flux<Value.Record> parents(int n, AtomicLong requested) {
    return Flux.range(1, n).map(i -> Value.Record.of(new Value.I64(i)))
        .doOnRequest(r -> requested.addAndGet(Math.min(r, 1_000_000)));
  }

  @Test
  void keepsOrderAndIssuesOneChildOperationPerWindow() {
    AtomicBoolean cancelled = new AtomicBoolean();
    List<Value.Record> out = NestedMergeExec.merge(parents(5, new AtomicLong()),
        List.of(branch()), 2, context(cancelled)).collectList().block(Duration.ofSeconds(5));
    assertEquals(5, out.size());
    for (int i = 0; i < 5; i++) {
      Value.Record r = out.get(i);
      assertEquals(new Value.I64(i + 1), r.get(0));
      assertEquals(List.of(Value.Record.of(new Value.I64((i + 1) * 10L)),
          Value.Record.of(new Value.I64((i + 1) * 10L + 1))), ((Value.ListValue) r.get(1)).items());
    }
    assertEquals(3, sent.size(), "windows of 2 over 5 parents");
    assertTrue(sent.stream().allMatch(q -> q.args().size() <= 2));
  }

  @Test
  void demandOnTheParentsIsBoundedByTheWindow() {
    AtomicLong requested = new AtomicLong();
    StepVerifier.create(NestedMergeExec.merge(parents(1_000_000, requested), List.of(branch()),
            10, context(new AtomicBoolean())), 1)
        .expectNextCount(1)
        .thenCancel()
        .verify(Duration.ofSeconds(5));
    assertTrue(requested.get() <= 40, "parents requested: " + requested.get());
    assertTrue(sent.size() <= 2, "child operations: " + sent.size());
  }

  @Test
  void cancellingStopsTheChildOperation() {
    AtomicBoolean cancelled = new AtomicBoolean();
    ExecContext cx = new ExecContext(op -> Flux.never(), List.of(),
        op -> Flux.<Value.Record>never().doOnCancel(() -> cancelled.set(true)));
    StepVerifier.create(NestedMergeExec.merge(parents(3, new AtomicLong()), List.of(branch()), 10,
            cx))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(50))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
    assertTrue(cancelled.get(), "the child query was cancelled");
  }

  @Test
  void nullKeysJoinNothingAndSendNoKeys() {
    Flux<Value.Record> parents = Flux.just(Value.Record.of(Value.NULL),
        Value.Record.of(new Value.I64(4)));
    List<Value.Record> out = NestedMergeExec.merge(parents, List.of(branch()), 10,
        context(new AtomicBoolean())).collectList().block(Duration.ofSeconds(5));
    assertEquals(List.of(), ((Value.ListValue) out.get(0).get(1)).items());
    assertEquals(2, ((Value.ListValue) out.get(1).get(1)).items().size());
    assertEquals(List.of(new Value.I64(4)), sent.get(0).args());
  }

  /** A context whose main connection answers only once {@code parentsDone}; no aside. */
  private ExecContext afterTheParents(AtomicBoolean parentsDone) {
    Sender main = op -> {
      assertTrue(parentsDone.get(), "a child query ran on the main connection while the "
          + "parents streamed");
      return children(op, new AtomicBoolean());
    };
    return new ExecContext(main, List.of(),
        op -> Flux.error(new AssertionError("a connection was taken aside")));
  }

  @Test
  void parentsThatEndWithinTwoWindowsHaveTheirChildrenReadAfterThemOnTheirConnection() {
    for (int n : new int[] {0, 1, 5, 6}) {
      sent.clear();
      AtomicBoolean parentsDone = new AtomicBoolean();
      Flux<Value.Record> parents = parents(n, new AtomicLong())
          .doOnComplete(() -> parentsDone.set(true));
      List<Value.Record> out = NestedMergeExec.include(parents, List.of(branch()), 3,
          afterTheParents(parentsDone)).collectList().block(Duration.ofSeconds(5));
      assertEquals(n, out.size());
      for (int i = 0; i < n; i++) {
        assertEquals(new Value.I64(i + 1), out.get(i).get(0));
        assertEquals(2, ((Value.ListValue) out.get(i).get(1)).items().size());
      }
      // held back whole, the parents are one window: one child query, as a hand-written pair
      assertEquals(n == 0 ? 0 : 1, sent.size(), "one child query for parents " + n);
      assertTrue(sent.stream().allMatch(q -> q.args().size() == n), "every key in it: " + sent);
    }
  }

  @Test
  void parentsBeyondTwoWindowsHaveTheirChildrenReadAsideWhileTheyStream() {
    AtomicBoolean parentsDone = new AtomicBoolean();
    List<Boolean> doneAtSend = new CopyOnWriteArrayList<>();
    Flux<Value.Record> parents = parents(7, new AtomicLong())
        .doOnComplete(() -> parentsDone.set(true));
    ExecContext cx = new ExecContext(op -> Flux.error(new AssertionError("the main connection "
        + "is busy")), List.of(), op -> {
          doneAtSend.add(parentsDone.get());
          return children(op, new AtomicBoolean());
        });
    List<Value.Record> out = NestedMergeExec.include(parents, List.of(branch()), 3, cx)
        .collectList().block(Duration.ofSeconds(5));
    assertEquals(7, out.size());
    for (int i = 0; i < 7; i++) {
      assertEquals(new Value.I64(i + 1), out.get(i).get(0));
    }
    assertEquals(3, sent.size(), "windows of 3, 3 and 1");
    assertEquals(false, doneAtSend.get(0), "the first window's children while parents stream");
  }

  @Test
  void demandOnHeldBackParentsIsBoundedByTwoWindows() {
    AtomicLong requested = new AtomicLong();
    StepVerifier.create(NestedMergeExec.include(parents(1_000_000, requested),
            List.of(branch()), 10, context(new AtomicBoolean())), 1)
        .expectNextCount(1)
        .thenCancel()
        .verify(Duration.ofSeconds(5));
    assertTrue(requested.get() <= 40, "parents requested: " + requested.get());
    assertTrue(sent.size() <= 3, "child operations: " + sent.size());
  }

  @Test
  void withOneConnectionTheParentsAreReadFirst() {
    AtomicBoolean parentsDone = new AtomicBoolean();
    Flux<Value.Record> parents = Flux.range(1, 3).map(i -> Value.Record.of(new Value.I64(i)))
        .doOnComplete(() -> parentsDone.set(true));
    Sender one = op -> {
      assertTrue(parentsDone.get(), "a child query ran while the parents streamed");
      return children(op, new AtomicBoolean());
    };
    List<Value.Record> out = NestedMergeExec.merge(parents, List.of(branch()), 1,
        new ExecContext(one, List.of())).collectList().block(Duration.ofSeconds(5));
    assertEquals(3, out.size());
  }

  private static Query table(String name, int columns) {
    List<ExprNode> all = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      all.add(new ExprNode.Column(name, c));
    }
    return new Query(new Source.Table(name), ExprNode.TRUE, new Returning.Project(all), List.of(),
        null);
  }

  /**
   * A many-to-many's join rows {@code [id, parentId, targetId]}, two per parent (targets "x"
   * then "y" in the join rows' key order), flattened into their targets {@code [id, label]},
   * which the include orders by label, descending.
   */
  private static MergeBranch throughLinks() {
    MergeBranch targets = new MergeBranch("target", new MergeBranch.SqlFetch(table("targets", 2),
        List.of(Type.Scalar.I64, Type.Scalar.STRING), new KeyBinding(-1, "targets", List.of(0))),
        List.of(2), List.of(0), false, false, List.of(), List.of(),
        RowLift.of(List.of(new ExprNode.Column("targets", 0), new ExprNode.Column("targets", 1)),
            List.of(0, 1)), List.of());
    return new MergeBranch("targets (through links)", new MergeBranch.SqlFetch(
        table("links", 3), List.of(Type.Scalar.I64, Type.Scalar.I64, Type.Scalar.I64),
        new KeyBinding(-1, "links", List.of(1))), List.of(0), List.of(1), true, true,
        List.of(0), List.of(new OrderBy(new ExprNode.Column("targets", 1),
            OrderBy.Direction.DESC)),
        RowLift.of(List.of(new ExprNode.Column("links", 0)), List.of(0, 1, 2)), List.of(targets));
  }

  /** Links {@code [k*10+i, k, 100*k+i]} for parent k; target {@code t} is labelled x or y. */
  private static Flux<Value.Record> linksAndTargets(Operation op) {
    Operation.QuerySql q = (Operation.QuerySql) op;
    String table = ((Source.Table) ((Query) q.statement()).source()).table();
    List<Value.Record> rows = new ArrayList<>();
    for (Value key : q.args()) {
      long k = ((Value.I64) key).value();
      if (table.equals("links")) {
        rows.add(Value.Record.of(new Value.I64(k * 10 + 1), key, new Value.I64(100 * k + 1)));
        rows.add(Value.Record.of(new Value.I64(k * 10), key, new Value.I64(100 * k)));
      } else {
        rows.add(Value.Record.of(key, Value.of(k % 100 == 0 ? "x" : "y")));
      }
    }
    return Flux.fromIterable(rows);
  }

  @Test
  void flattenedTargetsAreSortedInTheIncludesOrder() {
    ExecContext cx = new ExecContext(op -> Flux.error(new AssertionError("main is busy")),
        List.of(), NestedMergeExecTest::linksAndTargets);
    List<Value.Record> out = NestedMergeExec.merge(parents(2, new AtomicLong()),
        List.of(throughLinks()), 10, cx).collectList().block(Duration.ofSeconds(5));
    for (int i = 0; i < 2; i++) {
      long k = i + 1;
      // the join rows' key order gives x then y; the include's order, label descending, y then x
      assertEquals(List.of(Value.Record.of(new Value.I64(100 * k + 1), Value.of("y")),
          Value.Record.of(new Value.I64(100 * k), Value.of("x"))),
          ((Value.ListValue) out.get(i).get(1)).items());
    }
  }

  /** A child {@code [id, parentId]} as its model's record. */
  record Child(long id, long parentId) {}

  private static final ModelSchema CHILD = new ModelSchema("Child", "test.Child", "children",
      List.of(
          new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
          new FieldSchema(1, "parentId", Type.Scalar.I64, false, null, null,
              "parent_id")),
      List.of(0), List.of());

  /** The child model, with a row reader (as generated models have). */
  private static final ModelDef<Child> CHILD_MODEL = new ModelDef<>() {
    @Override
    public ModelSchema schema() {
      return CHILD;
    }

    @Override
    public Class<Child> type() {
      return Child.class;
    }

    @Override
    public Child load(Value.Record row) {
      return new Child(((Value.I64) row.get(0)).value(), ((Value.I64) row.get(1)).value());
    }

    @Override
    public RowReader<Child> rowReader() {
      return row -> new Child(row.i64(0), row.i64(1));
    }

    @Override
    public Value.Record values(Child c) {
      return Value.Record.of(new Value.I64(c.id()), new Value.I64(c.parentId()));
    }
  };

  /** {@link #branch()} naming the child model: its rows are read by the model's row reader. */
  private static MergeBranch childModelBranch() {
    return new MergeBranch("children", new MergeBranch.SqlFetch(CHILDREN,
        List.of(Type.Scalar.I64, Type.Scalar.I64),
        new KeyBinding(-1, "children", List.of(1))), List.of(0), List.of(1), true, false,
        List.of(0), List.of(), RowLift.of(List.of(new ExprNode.Column("children", 0),
            new ExprNode.Column("children", 1)), List.of(0, 1)), List.of(), "Child");
  }

  @Test
  void childrenOfAModelWithARowReaderAreAttachedAsItsRecords() {
    MergeBranch b = childModelBranch();
    AtomicBoolean cancelled = new AtomicBoolean();
    ExecContext cx = new ExecContext(op -> Flux.error(new AssertionError("main is busy")),
        List.of(), op -> children(op, cancelled), Map.of("Child", CHILD_MODEL));
    List<Value.Record> out = NestedMergeExec.merge(parents(3, new AtomicLong()), List.of(b), 2,
        cx).collectList().block(Duration.ofSeconds(5));
    assertEquals(3, out.size());
    for (int i = 0; i < 3; i++) {
      long k = i + 1;
      List<Value> slot = ((Value.ListValue) out.get(i).get(1)).items();
      // built by the reader, in key order though the rows came in reverse
      assertTrue(slot instanceof LoadedRecords, "records, not value rows");
      assertEquals(List.of(new Child(k * 10, k), new Child(k * 10 + 1, k)),
          ((LoadedRecords) slot).records());
      // and the same slot read as values, as the value path lifts it
      assertEquals(List.of(Value.Record.of(new Value.I64(k * 10), new Value.I64(k)),
          Value.Record.of(new Value.I64(k * 10 + 1), new Value.I64(k))), slot);
    }
  }

  /** A child query's rows: {@code perKey} children for each bound key. */
  private static Flux<Value.Record> manyChildren(Operation op, int perKey) {
    return Flux.fromIterable(childRows(op, perKey));
  }

  /** {@code perKey} children of each bound key, ids {@code key * 10,000 + i}, in key order. */
  private static List<Value.Record> childRows(Operation op, int perKey) {
    List<Value.Record> rows = new ArrayList<>();
    for (Value key : ((Operation.QuerySql) op).args()) {
      long k = ((Value.I64) key).value();
      for (int i = 0; i < perKey; i++) {
        rows.add(Value.Record.of(new Value.I64(k * 10_000 + i), key));
      }
    }
    return rows;
  }

  /** Each parent's children, as {@link #childRows} makes them, in key order. */
  private static void assertChildrenInKeyOrder(List<Value.Record> out, int perKey) {
    for (int p = 0; p < out.size(); p++) {
      long k = p + 1;
      List<Child> expected = new ArrayList<>();
      for (int i = 0; i < perKey; i++) {
        expected.add(new Child(k * 10_000 + i, k));
      }
      assertEquals(expected, ((LoadedRecords) ((Value.ListValue) out.get(p).get(1)).items())
          .records());
    }
  }

  /**
   * The children a reader builds are ignored once grouped, and reactor looks up the context of
   * the subscriber for each element an operator ignores (its discard hook): down the whole chain
   * of the query's subscribers, per row, 10 % of an include's time on PostgreSQL
   * (docs/design/performance.md). The subscriber's context is asked a few times per
   * window, not once per child row ({@link ContextOnce}).
   */
  @Test
  void childrenReadByTheirReaderAskForTheSubscribersContextPerWindowNotPerRow() {
    MergeBranch b = childModelBranch();
    ExecContext cx = new ExecContext(op -> Flux.error(new AssertionError("main is busy")),
        List.of(), op -> manyChildren(op, 500), Map.of("Child", CHILD_MODEL));
    ContextLookups<Value.Record> lookups = ContextLookups.of(
        NestedMergeExec.merge(parents(4, new AtomicLong()), List.of(b), 2, cx));
    List<Value.Record> out = lookups.received();
    assertEquals(4, out.size());
    assertEquals(500, ((Value.ListValue) out.get(3).get(1)).items().size());
    // 2,000 children in two windows
    assertTrue(lookups.asked() < 100, "the context was asked " + lookups.asked() + " times");
  }
  /**
   * A window's children are held in their groups until the window is merged, so they are asked
   * for as one list ({@link Sender#readAll}: a driver builds it without a signal per row), one
   * per window, never streamed.
   */
  @Test
  void aWindowsChildrenAreReadAsOneListPerWindow() {
    MergeBranch b = childModelBranch();
    AtomicInteger lists = new AtomicInteger();
    Sender aside = new Sender() {
      @Override
      public Flux<Value.Record> send(Operation op) {
        return manyChildren(op, 500);
      }

      @Override
      public <T> Flux<T> read(Operation.QuerySql op, int[] fields, RowReader<T> reader) {
        return Flux.error(new AssertionError("the children were streamed"));
      }

      @Override
      public <T> Mono<List<T>> readAll(Operation.QuerySql op, int[] fields,
          RowReader<T> reader) {
        lists.incrementAndGet();
        return Sender.super.read(op, fields, reader).collectList();
      }
    };
    ExecContext cx = new ExecContext(op -> Flux.error(new AssertionError("main is busy")),
        List.of(), aside, Map.of("Child", CHILD_MODEL));
    List<Value.Record> out = NestedMergeExec.merge(parents(4, new AtomicLong()), List.of(b), 2,
        cx).collectList().block(Duration.ofSeconds(5));
    assertEquals(4, out.size());
    assertEquals(500, ((Value.ListValue) out.get(3).get(1)).items().size());
    assertEquals(2, lists.get(), "one list per window of two parents");
  }
  /**
   * A child query's rows: {@code perKey} children for each bound key, in an order of no key
   * (shuffled, a fixed seed), as Neo4j hands an author's books in the graph's order.
   */
  private static Flux<Value.Record> shuffledChildren(Operation op, int perKey) {
    List<Value.Record> rows = childRows(op, perKey);
    Collections.shuffle(rows, new Random(54));
    return Flux.fromIterable(rows);
  }

  /**
   * A group whose rows came in no order is sorted by the integral sort values kept as the rows
   * arrived: the records come out in key order, and only those that came before the group's
   * first out of order are taken apart into values, once (sorting by the records' values took
   * every child apart).
   */
  @Test
  void aShuffledGroupIsSortedByItsIntegralKeysKeptAsTheRowsArrive() {
    AtomicInteger takenApart = new AtomicInteger();
    ModelDef<Child> counting = new ModelDef<>() {
      @Override
      public ModelSchema schema() {
        return CHILD_MODEL.schema();
      }

      @Override
      public Class<Child> type() {
        return Child.class;
      }

      @Override
      public Child load(Value.Record row) {
        return CHILD_MODEL.load(row);
      }

      @Override
      public RowReader<Child> rowReader() {
        return CHILD_MODEL.rowReader();
      }

      @Override
      public Value.Record values(Child c) {
        takenApart.incrementAndGet();
        return CHILD_MODEL.values(c);
      }
    };
    ExecContext cx = new ExecContext(op -> Flux.error(new AssertionError("main is busy")),
        List.of(), op -> shuffledChildren(op, 300), Map.of("Child", counting));
    List<Value.Record> out = NestedMergeExec.merge(parents(4, new AtomicLong()),
        List.of(childModelBranch()), 2, cx).collectList().block(Duration.ofSeconds(5));
    assertEquals(4, out.size());
    assertChildrenInKeyOrder(out, 300);
    assertTrue(takenApart.get() < 40, takenApart.get() + " of 1,200 records taken apart");
  }
  /**
   * A group ordered by more than one column keeps no integral values; one that came out of order
   * is sorted by its records' values (here by id, then parent).
   */
  @Test
  void aShuffledGroupOrderedByTwoColumnsIsSortedByItsRecordsValues() {
    MergeBranch b = new MergeBranch("children", new MergeBranch.SqlFetch(CHILDREN,
        List.of(Type.Scalar.I64, Type.Scalar.I64),
        new KeyBinding(-1, "children", List.of(1))), List.of(0), List.of(1), true, false,
        List.of(0, 1), List.of(), RowLift.of(List.of(new ExprNode.Column("children", 0),
            new ExprNode.Column("children", 1)), List.of(0, 1)), List.of(), "Child");
    ExecContext cx = new ExecContext(op -> Flux.error(new AssertionError("main is busy")),
        List.of(), op -> shuffledChildren(op, 50), Map.of("Child", CHILD_MODEL));
    List<Value.Record> out = NestedMergeExec.merge(parents(2, new AtomicLong()), List.of(b), 2,
        cx).collectList().block(Duration.ofSeconds(5));
    assertEquals(2, out.size());
    assertChildrenInKeyOrder(out, 50);
  }
}
