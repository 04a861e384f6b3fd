package io.toasty.reactive;

import static io.toasty.reactive.Models.*;
import static io.toasty.reactive.TxTest.assertEndedOnce;
import static org.junit.jupiter.api.Assertions.*;

import io.toasty.driver.Capability;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/** Statements issued concurrently on one transaction run one at a time on its connection. */
class TxConcurrencyTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Queries answer with {@code n} user rows (ids from the first argument's length), slowly. */
  private static Dbs slowRows(int n) {
    Dbs t = new Dbs(Capability.H2);
    t.driver.respond(op -> {
      if (op instanceof Operation.QuerySql q) {
        long base = ((Value.Str) q.args().get(0)).value().length() * 1000L;
        return Mono.delay(Duration.ofMillis(2)).thenReturn(new ExecResponse.Rows(
            Flux.range(1, n).map(i -> userRow(base + i))
                .delayElements(Duration.ofNanos(100_000))));
      }
      return op instanceof Operation.Insert ? Mono.delay(Duration.ofMillis(1))
          .then(Mono.empty()) : null;
    });
    return t;
  }

  @Test
  void zippedQueriesOnOneTransactionRunOneAfterTheOther() {
    Dbs t = slowRows(20);
    Tuple2<List<Value>, List<Value>> both = t.db.transaction(tx -> Mono.zip(
            tx.exec(users(eq(user(1), str("a")))).collectList(),
            tx.exec(users(eq(user(1), str("bb")))).collectList()))
        .single().block(WAIT);
    assertEquals(20, both.getT1().size());
    assertEquals(userRow(1001), both.getT1().get(0));
    assertEquals(userRow(2001), both.getT2().get(0));
    assertEquals(List.of("BEGIN", "QuerySql", "QuerySql", "COMMIT"), t.driver.kinds());
    assertEndedOnce(t);
  }

  @Test
  void zippedStreamsDoNotDeadlock() {
    Dbs t = slowRows(200);
    List<Tuple2<Value, Value>> pairs = t.db.transaction(tx -> Flux.zip(
            tx.exec(users(eq(user(1), str("a")))),
            tx.exec(users(eq(user(1), str("bb"))))))
        .collectList().block(WAIT);
    assertEquals(200, pairs.size());
    assertEquals(userRow(1200), pairs.get(199).getT1());
    assertEquals(userRow(2200), pairs.get(199).getT2());
    assertEndedOnce(t);
  }

  @Test
  void writingWhileReadingAStreamOfTheSameTransactionDoesNotDeadlock() {
    Dbs t = new Dbs(Capability.H2);
    AtomicLong produced = new AtomicLong();
    t.driver.respond(op -> op instanceof Operation.QuerySql
        ? Mono.just(new ExecResponse.Rows(Flux.range(1, 300).map(i -> userRow(i))
            .doOnNext(r -> produced.incrementAndGet()))) : null);
    List<Value> written = t.db.transaction(tx -> tx.exec(users(eq(user(1), str("a"))))
            .concatMap(row -> tx.exec(insertUser("copy"))))
        .collectList().block(WAIT);
    assertEquals(300, written.size());
    List<String> kinds = t.driver.kinds();
    assertEquals("QuerySql", kinds.get(1));
    assertEquals(300, kinds.stream().filter("Insert"::equals).count());
    assertEquals("COMMIT", kinds.get(kinds.size() - 1));
    assertEndedOnce(t);
  }

  @Test
  void aStreamNobodyWaitsBehindKeepsItsBackpressure() {
    Dbs t = new Dbs(Capability.H2);
    AtomicLong produced = new AtomicLong();
    t.driver.respond(op -> op instanceof Operation.QuerySql
        ? Mono.just(new ExecResponse.Rows(Flux.range(1, 10_000).map(i -> userRow(i))
            .doOnNext(r -> produced.incrementAndGet()))) : null);
    List<Value> first = t.db.transaction(tx -> tx.exec(users(eq(user(1), str("a")))).take(3)
        .concatWith(Mono.fromSupplier(() -> userRow(produced.get())))).collectList()
        .block(WAIT);
    assertEquals(userRow(3), first.get(3), "only the rows requested were read");
  }

  @Test
  void manyConcurrentStatementsNeverOverlapOnTheConnection() {
    Dbs t = slowRows(5);
    Random random = new Random(42);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      names.add("x".repeat(1 + random.nextInt(5)));
    }
    List<Integer> sizes = t.db.transaction(tx -> Flux.fromIterable(names)
            .flatMap(n -> n.length() % 2 == 0 ? tx.exec(insertUser(n)).then(Mono.just(0))
                : tx.exec(users(eq(user(1), str(n)))).count().map(Long::intValue), 16))
        .collectList().block(WAIT);
    assertEquals(100, sizes.size());
    sizes.forEach(s -> assertTrue(s == 0 || s == 5));
    assertEquals(1, t.driver.connects.get());
    assertEndedOnce(t);
  }

  @Test
  void nestedTransactionsAndStatementsInterleaveSafely() {
    Dbs t = slowRows(3);
    List<Long> counts = t.db.transaction(tx -> Flux.range(0, 30)
            .flatMap(i -> i % 3 == 0
                ? tx.transaction(inner -> inner.exec(users(eq(user(1), str("a")))).count())
                : tx.exec(users(eq(user(1), str("bb")))).count(), 8))
        .collectList().block(WAIT);
    assertEquals(30, counts.size());
    counts.forEach(c -> assertEquals(3L, c));
    List<String> kinds = t.driver.kinds();
    for (int i = 0; i < kinds.size(); i++) {
      if (kinds.get(i).equals("SAVEPOINT")) {
        assertEquals("QuerySql", kinds.get(i + 1), "nothing runs inside another's savepoint");
        assertEquals("RELEASE_SAVEPOINT", kinds.get(i + 2), kinds.toString());
      }
    }
    assertEndedOnce(t);
  }
}
