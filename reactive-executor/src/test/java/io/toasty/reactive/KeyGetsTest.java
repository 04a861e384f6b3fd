package io.toasty.reactive;

import static io.toasty.reactive.Models.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.ModelDef;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Gets by key that wait for the pool's one connection together are answered by one query, each
 * request with the record its own query gives; a failed batch lets each request run its own; a
 * batch whose requests all cancelled before its connection came sends nothing; a pool with a
 * connection free never batches.
 */
class KeyGetsTest {
  /** Users 1..8 stored; the first query holds the one connection until {@link #open} ends. */
  private final Map<Long, Value.Record> stored = new TreeMap<>();
  private final ConcurrentLinkedQueue<Operation.QuerySql> sent = new ConcurrentLinkedQueue<>();
  private final Sinks.Empty<Void> open = Sinks.empty();
  private final AtomicInteger queries = new AtomicInteger();
  /** Whether a query of more than one key fails (the batch's). */
  private volatile boolean batchFails;

  /** Users read straight from their rows, as generated models are. */
  private static final ModelDef<Value.Record> USERS = Models.READ_USERS;

  KeyGetsTest() {
    stored.putAll(Models.storedUsers(8));
  }

  private Db db(boolean coalesce) {
    OneConnectionPool pool = new OneConnectionPool(this::answer);
    return Toasty.builder().models(Models.USERS, Models.TODOS).poolMaxSize(1)
        .coalesceGets(coalesce).driverFactory(config -> pool).build();
  }

  private Mono<ExecResponse> answer(Operation.QuerySql q) {
    sent.add(q);
    boolean first = queries.getAndIncrement() == 0;
    LinkedHashSet<Long> keys = new LinkedHashSet<>();
    q.args().forEach(a -> keys.add(((Value.I64) a).value()));
    if (batchFails && keys.size() > 1) {
      return Mono.error(new IllegalStateException("the batch's query failed"));
    }
    List<Value.Record> rows = new ArrayList<>();
    keys.forEach(k -> Optional.ofNullable(stored.get(k)).ifPresent(rows::add));
    Flux<Value.Record> out = Flux.fromIterable(rows);
    return Mono.just(new ExecResponse.Rows(first ? open.asMono().thenMany(out) : out));
  }

  private static Query get(long id) {
    return Models.userById(id);
  }

  private static String name(Value.Record r) {
    return r == null ? null : ((Value.Str) r.get(1)).value();
  }

  /** Subscribes gets of {@code ids} while the first holds the connection; their names. */
  private List<String> behindAHolder(Db db, long... ids) {
    Disposable holder = db.read(get(1), USERS).subscribe();
    List<Mono<String>> gets = new ArrayList<>();
    for (long id : ids) {
      gets.add(db.read(get(id), USERS).next().map(KeyGetsTest::name)
          .defaultIfEmpty("none").cache());
    }
    gets.forEach(Mono::subscribe);
    open.tryEmitEmpty();
    List<String> names = new ArrayList<>();
    gets.forEach(g -> names.add(g.block(Duration.ofSeconds(10))));
    assertTrue(holder.isDisposed(), "the holder's get ended");
    return names;
  }

  @Test
  void getsWaitingTogetherAreAnsweredByOneQuery() {
    List<String> names = behindAHolder(db(true), 3, 9, 5, 3, 7, 2);
    assertEquals(List.of("u3", "none", "u5", "u3", "u7", "u2"), names);
    assertEquals(2, sent.size(), "the holder's query and the batch's: " + sent);
    Operation.QuerySql batch = new ArrayList<>(sent).get(1);
    // five distinct keys, padded to eight with the last one repeated
    assertEquals(8, batch.args().size());
    assertEquals(List.of(3L, 9L, 5L, 7L, 2L, 2L, 2L, 2L),
        batch.args().stream().map(a -> ((Value.I64) a).value()).toList());
  }

  @Test
  void aBatchHoldsAtMost64KeysAndTheNextGetsMakeAnother() {
    long[] ids = new long[100];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = 1 + i % 8 + 8L * (i / 8); // keys 1..100, the stored ones among them
    }
    List<String> names = behindAHolder(db(true), ids);
    for (int i = 0; i < ids.length; i++) {
      assertEquals(ids[i] <= 8 ? "u" + ids[i] : "none", names.get(i), "get of " + ids[i]);
    }
    List<Operation.QuerySql> queries = new ArrayList<>(sent);
    assertEquals(3, queries.size(), "the holder's and two batches': " + sent);
    assertEquals(64, queries.get(1).args().size());
    assertEquals(64, queries.get(2).args().size(), "36 keys, padded to 64");
  }

  @Test
  void aBatchOfOneKeySendsTheStatementTheGetSendsAlone() {
    List<String> names = behindAHolder(db(true), 6, 6);
    assertEquals(List.of("u6", "u6"), names);
    List<Operation.QuerySql> queries = new ArrayList<>(sent);
    assertEquals(2, queries.size(), "the holder's and the batch's: " + sent);
    assertEquals(queries.get(0).statement(), queries.get(1).statement());
    assertEquals(List.of(new Value.I64(6)), queries.get(1).args());
  }

  @Test
  void turnedOffEveryGetSendsItsOwnQuery() {
    List<String> names = behindAHolder(db(false), 3, 9, 5);
    assertEquals(List.of("u3", "none", "u5"), names);
    assertEquals(4, sent.size());
  }

  @Test
  void aFailedBatchLetsEachRequestRunItsOwnQuery() {
    batchFails = true;
    List<String> names = behindAHolder(db(true), 4, 6, 9);
    assertEquals(List.of("u4", "u6", "none"), names);
    // the holder, the failed batch, then one query per request
    assertEquals(5, sent.size());
  }

  @Test
  void aBatchWhoseRequestsAllCancelledSendsNothing() {
    Db db = db(true);
    Disposable holder = db.read(get(1), USERS).subscribe();
    Disposable a = db.read(get(2), USERS).subscribe();
    Disposable b = db.read(get(3), USERS).subscribe();
    a.dispose();
    b.dispose();
    open.tryEmitEmpty();
    Value.Record after = db.read(get(4), USERS).next().block(Duration.ofSeconds(10));
    assertEquals("u4", name(after));
    assertEquals(2, sent.size(), "the holder's query and the last get's: " + sent);
    assertTrue(holder.isDisposed());
    assertEquals(0, db.poolState().orElseThrow().acquired());
  }

  @Test
  void aPoolWithAConnectionFreeNeverBatches() {
    Db db = db(true);
    open.tryEmitEmpty();
    assertEquals("u2", name(db.read(get(2), USERS).next().block(Duration.ofSeconds(10))));
    assertNull(db.read(get(12), USERS).next().block(Duration.ofSeconds(10)));
    assertEquals(2, sent.size());
    sent.forEach(q -> assertEquals(1, q.args().size()));
  }
}
