package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.ModelDef;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.stmt.Query;
import io.toasty.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Reads by key that wait for the pool's one connection together go to a driver that pipelines
 * as one {@code readEach}, each read its own statement with its own values, and each request
 * gets the record its own read gives; two reads of one key are two reads; a failed pipeline
 * lets each request run its own read; a cancelled request is not sent; collected reads go in
 * whatever their filter; coalescing, a pool with a connection free, a streamed read that does
 * not pin the key, the builder's switch and a driver that does not pipeline all keep reads
 * apart.
 */
class PipelinedReadsTest {
  /** Users 1..8 stored; the first read holds the one connection until {@link #open} ends. */
  private final Map<Long, Value.Record> stored = Models.storedUsers(8);
  private final ConcurrentLinkedQueue<Operation.QuerySql> sent = new ConcurrentLinkedQueue<>();
  private final Sinks.Empty<Void> open = Sinks.empty();
  private final AtomicInteger reads = new AtomicInteger();
  /** The pool of the last {@link #db} made. */
  private OneConnectionPool pool;

  private static final ModelDef<Value.Record> USERS = Models.READ_USERS;

  /** A pool of one connection whose driver pipelines (or not), with coalescing off. */
  private Db db(boolean pipelining, boolean pipelineReads, boolean coalesce) {
    pool = new OneConnectionPool(this::answer, pipelining);
    return Toasty.builder().models(Models.USERS, Models.TODOS).poolMaxSize(1)
        .coalesceGets(coalesce).coalesceLists(coalesce).pipelineReads(pipelineReads)
        .driverFactory(config -> pool).build();
  }

  private Db db() {
    return db(true, true, false);
  }

  /** The stored users the read's values name (its filter's one value, or none). */
  private Mono<ExecResponse> answer(Operation.QuerySql q) {
    sent.add(q);
    boolean first = reads.getAndIncrement() == 0;
    List<Value.Record> rows = new ArrayList<>();
    for (Value a : q.args()) {
      if (a instanceof Value.I64 id && stored.containsKey(id.value())) {
        rows.add(stored.get(id.value()));
      }
      if (a instanceof Value.Str) {
        stored.values().stream().filter(u -> u.get(1).equals(a)).forEach(rows::add);
      }
    }
    Flux<Value.Record> out = Flux.fromIterable(rows);
    return Mono.just(new ExecResponse.Rows(first ? open.asMono().thenMany(out) : out));
  }

  private static Query get(long id) {
    return Models.userById(id);
  }

  private static String name(Value.Record r) {
    return ((Value.Str) r.get(1)).value();
  }

  /** Subscribes {@code reads} while the first holds the connection; their names. */
  private List<String> behindAHolder(Db db, List<Query> queries) {
    Disposable holder = db.read(get(1), USERS).subscribe();
    List<Mono<String>> named = new ArrayList<>();
    for (Query q : queries) {
      named.add(db.read(q, USERS).map(PipelinedReadsTest::name).collectList()
          .map(names -> names.isEmpty() ? "none" : String.join(",", names)).cache());
    }
    named.forEach(Mono::subscribe);
    open.tryEmitEmpty();
    List<String> names = new ArrayList<>();
    named.forEach(m -> names.add(m.block(Duration.ofSeconds(10))));
    assertTrue(holder.isDisposed(), "the holder's read ended");
    return names;
  }

  private List<String> getsBehindAHolder(Db db, long... ids) {
    List<Query> gets = new ArrayList<>();
    for (long id : ids) {
      gets.add(get(id));
    }
    return behindAHolder(db, gets);
  }

  private static long key(Operation.QuerySql q) {
    return ((Value.I64) q.args().get(0)).value();
  }

  @Test
  void readsWaitingTogetherGoAsOnePipelineOfTheirOwnStatements() {
    List<String> names = getsBehindAHolder(db(), 3, 9, 5, 3, 7);
    assertEquals(List.of("u3", "none", "u5", "u3", "u7"), names);
    assertEquals(1, pool.pipelines.size(), "one pipeline: " + pool.pipelines);
    List<Operation.QuerySql> pipeline = pool.pipelines.peek();
    assertEquals(List.of(3L, 9L, 5L, 3L, 7L), pipeline.stream().map(PipelinedReadsTest::key)
        .toList(), "every read, in the order they came; two reads of 3 are two statements");
    Operation.QuerySql holder = sent.peek();
    pipeline.forEach(q -> assertEquals(holder.statement(), q.statement(),
        "the statement a read sends alone"));
  }

  @Test
  void aFailedPipelineLetsEachRequestRunItsOwnRead() {
    Db db = db();
    pool.pipelineFails = true;
    List<String> names = getsBehindAHolder(db, 4, 6, 9);
    assertEquals(List.of("u4", "u6", "none"), names);
    assertEquals(1, pool.pipelines.size());
    assertEquals(4, sent.size(), "the holder's read, then each request's own: " + sent);
  }

  @Test
  void aRequestCancelledBeforeItsConnectionCameIsNotSent() {
    Db db = db();
    Disposable holder = db.read(get(1), USERS).subscribe();
    Disposable gone = db.read(get(2), USERS).subscribe();
    Mono<Value.Record> a = db.read(get(3), USERS).next().cache();
    Mono<Value.Record> b = db.read(get(4), USERS).next().cache();
    a.subscribe();
    b.subscribe();
    gone.dispose();
    open.tryEmitEmpty();
    assertEquals("u3", name(a.block(Duration.ofSeconds(10))));
    assertEquals("u4", name(b.block(Duration.ofSeconds(10))));
    assertEquals(List.of(3L, 4L), pool.pipelines.peek().stream().map(PipelinedReadsTest::key)
        .toList());
    assertTrue(holder.isDisposed());
    assertEquals(0, db.poolState().orElseThrow().acquired());
  }

  @Test
  void coalescedGetsGoAsOneInListInstead() {
    List<String> names = getsBehindAHolder(db(true, true, true), 3, 5);
    assertEquals(List.of("u3", "u5"), names);
    assertTrue(pool.pipelines.isEmpty(), "coalesced, not pipelined");
    assertEquals(2, sent.size(), "the holder's read and the IN list's");
  }

  @Test
  void aReadThatDoesNotPinTheKeyWaitsForAConnectionOfItsOwn() {
    Query byName = Query.all("User").withFilter(Models.eq(Models.user(1), Models.str("u2")));
    behindAHolder(db(), List.of(byName, byName));
    assertTrue(pool.pipelines.isEmpty());
    assertEquals(3, sent.size());
  }

  /**
   * A collected read goes into the pipeline whatever its filter (here a name, not the key): its
   * records are held in one list anyway. Streamed, the same read waits for a connection of its
   * own (above).
   */
  @Test
  void collectedReadsOfAnyFilterGoAsOnePipeline() {
    Db db = db();
    Disposable holder = db.read(get(1), USERS).subscribe();
    List<Mono<List<Value.Record>>> lists = new ArrayList<>();
    for (String name : List.of("u2", "u9", "u5")) {
      Query byName = Query.all("User").withFilter(Models.eq(Models.user(1), Models.str(name)));
      lists.add(db.readAll(byName, USERS, null).cache());
    }
    lists.forEach(Mono::subscribe);
    open.tryEmitEmpty();
    List<List<String>> names = new ArrayList<>();
    lists.forEach(m -> names.add(m.block(Duration.ofSeconds(10)).stream()
        .map(PipelinedReadsTest::name).toList()));
    assertEquals(List.of(List.of("u2"), List.of(), List.of("u5")), names);
    assertEquals(1, pool.pipelines.size(), "one pipeline: " + pool.pipelines);
    assertEquals(3, pool.pipelines.peek().size());
    assertTrue(holder.isDisposed());
  }

  @Test
  void turnedOffOrOnADriverThatDoesNotPipelineEveryReadWaitsForItsOwnConnection() {
    assertEquals(List.of("u3", "u5"), getsBehindAHolder(db(true, false, false), 3, 5));
    assertTrue(pool.pipelines.isEmpty());
    assertEquals(3, sent.size());
  }

  @Test
  void aDriverThatDoesNotPipelineIsNotAsked() {
    assertEquals(List.of("u3", "u5"), getsBehindAHolder(db(false, true, false), 3, 5));
    assertTrue(pool.pipelines.isEmpty());
    assertEquals(3, sent.size());
  }

  @Test
  void aPoolWithAConnectionFreeNeverPipelines() {
    Db db = db();
    open.tryEmitEmpty();
    assertEquals("u2", name(db.read(get(2), USERS).next().block(Duration.ofSeconds(10))));
    assertEquals("u3", name(db.read(get(3), USERS).next().block(Duration.ofSeconds(10))));
    assertTrue(pool.pipelines.isEmpty());
    assertEquals(2, sent.size());
  }
}
