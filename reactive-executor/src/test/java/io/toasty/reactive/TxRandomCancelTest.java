package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Cancels transactions, nested transactions, multi-statement plans and streams at random points
 * (when the k-th operation of a run is sent, COMMIT included, or at the k-th row of a stream),
 * from another thread, over a driver that answers on other threads; then checks that every
 * connection came back once, that operations never overlapped on a connection, and that every
 * transaction ended with exactly one COMMIT or ROLLBACK. Cancel points are counted in operations,
 * not in time, so that a loaded machine changes nothing.
 */
class TxRandomCancelTest {
  private enum Work { TRANSACTION, NESTED, PLAN, STREAM }

  @Test
  void randomCancellationsEndEveryTransactionOnceAndLeakNothing() throws InterruptedException {
    Dbs t = new Dbs(Dbs.ROW_BY_ROW);
    AtomicReference<Runnable> onOperation = new AtomicReference<>(() -> { });
    AtomicReference<Runnable> onRow = new AtomicReference<>(() -> { });
    // every answer, and every row, comes from another thread
    t.driver.respond(op -> {
      onOperation.get().run();
      if (op instanceof Operation.QuerySql) {
        return Mono.fromSupplier(() -> (ExecResponse) new ExecResponse.Rows(Flux.range(1, 40)
                .map(i -> userRow(i)).doOnNext(r -> onRow.get().run())
                .publishOn(Schedulers.parallel(), 4)))
            .subscribeOn(Schedulers.parallel());
      }
      return Mono.defer(() -> t.driver.standard(op)).subscribeOn(Schedulers.parallel());
    });
    Random random = new Random(20_240_601);
    int runs = Integer.getInteger("toasty.test.txRuns", 1000);
    Map<Work, Integer> cancelled = new EnumMap<>(Work.class);
    for (int run = 0; run < runs; run++) {
      int i = run;
      Work kind = Work.values()[random.nextInt(Work.values().length)];
      Flux<?> work = switch (kind) {
        case TRANSACTION -> t.db.transaction(tx -> Flux.concat(tx.exec(insertUser("a" + i)),
            tx.exec(insertUser("b" + i)), tx.exec(users(eq(user(1), str("x"))))));
        case NESTED -> t.db.transaction(tx -> tx.exec(insertUser("c" + i))
            .thenMany(tx.transaction(inner -> inner.exec(twoTodos())))
            .thenMany(t.db.exec(insertUser("d" + i))));
        case PLAN -> t.db.exec(twoTodos());
        case STREAM -> t.db.exec(users(eq(user(1), str("y"))));
      };
      Sinks.Empty<Void> cancel = Sinks.empty();
      // from another thread, racing the work; a stream's from its own, at an exact row
      Runnable fire = kind == Work.STREAM ? cancel::tryEmitEmpty
          : () -> Schedulers.parallel().schedule(cancel::tryEmitEmpty);
      int at = 1 + random.nextInt(kind == Work.STREAM ? 45 : 9);
      AtomicInteger seen = new AtomicInteger();
      Runnable countdown = () -> {
        if (seen.incrementAndGet() == at) {
          fire.run();
        }
      };
      onOperation.set(kind == Work.STREAM ? () -> { } : countdown);
      onRow.set(kind == Work.STREAM ? countdown : () -> { });
      boolean[] cut = new boolean[1];
      work.takeUntilOther(cancel.asMono().doOnTerminate(() -> cut[0] = true)).then()
          .block(Duration.ofSeconds(30));
      if (cut[0]) {
        cancelled.merge(kind, 1, Integer::sum);
      }
    }

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (t.driver.closes.get() < t.driver.connects.get() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    TxStats stats = t.db.transactionStats();
    System.out.println("fake driver, " + runs + " runs, cancelled " + cancelled + ": " + stats
        + ", connections " + t.driver.connects.get() + " acquired / " + t.driver.closes.get()
        + " released");
    for (FakeDriver.FakeConnection c : List.copyOf(t.driver.connections)) {
      if (!c.closed()) {
        System.out.println("not released: connection " + c.id + ": " + c.kinds());
      }
    }
    assertEquals(t.driver.connects.get(), t.driver.closes.get(), "leaked connections");
    assertEquals(t.driver.closes.get(), t.driver.closeCalls.get(), "released twice");
    assertEquals(0, t.driver.overlaps.get(), () -> "overlapping operations: " + t.driver.overlapLog);
    assertEquals(0, stats.active(), stats.toString());
    assertEquals(0, stats.failedCleanups(), stats.toString());
    assertTrue(stats.cancelled() > 150, "too few cancelled transactions: " + stats);
    assertTrue(stats.committed() > 150, "too few commits: " + stats);
    assertTrue(cancelled.getOrDefault(Work.STREAM, 0) > 50, "too few cancelled streams");
    for (FakeDriver.FakeConnection c : List.copyOf(t.driver.connections)) {
      List<String> kinds = c.kinds();
      if (!kinds.contains("BEGIN")) {
        continue;
      }
      long ends = kinds.stream().filter(k -> k.equals("COMMIT") || k.equals("ROLLBACK")).count();
      assertEquals(1, ends, "connection " + c.id + ": " + kinds);
      String last = kinds.get(kinds.size() - 1);
      assertTrue(last.equals("COMMIT") || last.equals("ROLLBACK"), c.id + ": " + kinds);
    }
  }
}
