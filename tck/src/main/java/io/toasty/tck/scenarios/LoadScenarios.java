package io.toasty.tck.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.PoolState;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.tck.Backend;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.LeakWatch;
import io.toasty.tck.LoadSettings;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Basket;
import io.toasty.tck.models.Baskets;
import io.toasty.tck.models.Cards;
import io.toasty.tck.models.Items;
import io.toasty.tck.models.Shopper;
import io.toasty.tck.models.Shoppers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceLock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Concurrency as its own dimension: hundreds of subscribers at once on pools smaller than their
 * number (1, 2 and 10 connections), mixing key reads, includes two levels deep, streams and
 * writes (transactional, with savepoints, and many-row), a random share of them cancelled at
 * random moments, round after round. After every round: every subscriber ended, nothing failed
 * (no acquire timeout), every connection is back in the pool and the server holds no other,
 * every written group has all of its rows or none, and Netty reported no leaked buffer (paranoid
 * detection on).
 *
 * <p>{@link LoadSettings} sets the subscribers, rounds, pool sizes and a soak duration from
 * system properties: CI runs the defaults; docs/relations.md shows the soak's command.
 */
@ResourceLock(LeakWatch.LEVEL)
@Models({Shoppers.class, Baskets.class, Items.class, Cards.class})
public abstract class LoadScenarios {
  static final LoadSettings SETTINGS = LoadSettings.fromSystemProperties();
  /** How long a round may take before the scenario calls it hung (a round takes seconds). */
  static final Duration ROUND_DEADLINE = Duration.ofMinutes(2);

  /**
   * Includes nested two levels, beside a has-one, all subscribed at once: on every pool size
   * every one completes, with every relation loaded. A plan that held its parent's connection
   * while waiting for a child's would deadlock here as soon as the pool ran out.
   */
  @BackendTest
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  public void concurrentIncludesCompleteOnEveryPoolSize(BackendContext cx, Backend backend) {
    forgetEarlierLeaks();
    LeakWatch.paranoid(() -> {
      for (int pool : SETTINGS.pools()) {
        BackendContext.Opened opened = openForRounds(cx, pool);
        LoadFixture.seed(opened.db());
        LoadRound round = LoadRound.of(SETTINGS.subscribers(), new Random(SETTINGS.seed()),
            r -> new LoadRound.Work("include", LoadFixture
                .seedWithIncludes(opened.db(), LoadFixture.SHOPPERS)
                .doOnNext(s -> LoadFixture.assertSeedShape(s, LoadFixture.SHOPPERS)), null));
        runRound(round, cx, opened, backend, "includes, pool " + pool);
        assertNoLeaks(opened, backend, "includes, pool " + pool);
        assertEquals(SETTINGS.subscribers(), round.completed(), "includes that completed");
      }
    });
  }

  /**
   * The whole mix, with random cancellation, round after round, on every pool size. Backends
   * without interactive transactions refuse the transactional writes, with that feature named.
   */
  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.SAVEPOINTS})
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  public void randomCancellationsUnderLoadLoseNothing(BackendContext cx, Backend backend) {
    if (!cx.capability().transactions()) {
      // the harness expects exactly this refusal, before anything reached the driver
      Db db = cx.open().db();
      Tck.await(LoadFixture.writeTxGroup(db, "refused"));
    }
    soak(cx, backend, "mix", true, LoadScenarios::mixed);
  }

  /**
   * Key reads, single and many-row creates, index streams and updates, with random
   * cancellation: the parts every backend has, DynamoDB included.
   */
  @BackendTest
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  public void keyValueLoadWithRandomCancellationLosesNothing(BackendContext cx,
      Backend backend) {
    soak(cx, backend, "key-value", false, LoadScenarios::keyValue);
  }

  /**
   * Key reads, a few in flight at a time for many thousands of reads, as a WebFlux handler
   * serving {@code GET /users/1} does: every read is answered. (A user saw about one request in
   * a thousand never answered on H2 at three in flight; a read not answered within the deadline
   * fails the scenario, naming how many were.)
   */
  @BackendTest
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  public void keyReadsAFewInFlightAreAllAnswered(BackendContext cx, Backend backend) {
    Db db = cx.open(10, BackendContext.DEFAULT_PLAN_CACHE_SIZE).db();
    List<UUID> seed = LoadFixture.seed(db);
    int reads = Integer.getInteger("toasty.load.reads", 10_000);
    AtomicInteger unanswered =
        new AtomicInteger();
    long start = System.nanoTime();
    Long answered = Flux.range(0, reads)
        .flatMap(i -> Shoppers.getById(db, seed.get(i % seed.size()))
            .timeout(ROUND_DEADLINE)
            .onErrorResume(TimeoutException.class, e -> {
              unanswered.incrementAndGet();
              return Mono.empty();
            }), 3)
        .count()
        .block(Duration.ofMinutes(9));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("[%s] %d key reads, 3 in flight: %d answered in %.1f s (%.0f/s)%n",
        backend.name(), reads, answered, seconds, answered / seconds);
    assertEquals(0, unanswered.get(), "reads not answered within " + ROUND_DEADLINE);
    assertEquals(reads, (long) answered);
    Tck.eventually("the pool is quiet: " + db.poolState(),
        () -> db.poolState().map(PoolState::quiet).orElse(true));
  }

  /**
   * Gets and firsts one after another on a pool of one connection, each waited for as a request
   * thread does with {@code block()}: a read that returns at most one record tells it as soon as
   * its row comes, and its connection goes back right after, so each next read may find it still
   * out and wait for it. Every read answers with its own key's record (or none), the pool is
   * quiet after, and a {@code Db} closed right after a get closes cleanly.
   */
  @BackendTest
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  public void readsOneAfterAnotherOnAPoolOfOneEachFindTheConnectionBack(BackendContext cx) {
    Db db = cx.open(1, BackendContext.DEFAULT_PLAN_CACHE_SIZE).db();
    List<UUID> seed = LoadFixture.seed(db);
    UUID nobody = new UUID(0, 0);
    for (int i = 0; i < 300; i++) {
      UUID id = seed.get(i % seed.size());
      Shopper read = Tck.await(i % 2 == 0 ? Shoppers.getById(db, id)
          : Shoppers.filterById(id).first(db));
      assertEquals(id, read.id(), "read " + i);
      if (i % 10 == 0) {
        assertEquals(false, Tck.await(Shoppers.filterById(nobody).first(db).hasElement()),
            "read " + i);
      }
    }
    Tck.eventually("the pool is quiet: " + db.poolState(),
        () -> db.poolState().map(PoolState::quiet).orElse(true));
    Db closing = cx.open(1, BackendContext.DEFAULT_PLAN_CACHE_SIZE).db();
    UUID one = LoadFixture.seed(closing).get(0);
    Tck.await(Shoppers.getById(closing, one).then(closing.close()));
  }

  /**
   * Gets by key, hundreds subscribed at once on a pool of two, one in four for a key nobody
   * stored: each answers with the record of its own key, or {@code RecordNotFoundException}.
   * While the pool is saturated, gets waiting together may be answered by one query
   * ({@code DbBuilder.coalesceGets}); a row handed to the wrong request, or lost, fails here.
   * The share of queries sent per get is printed.
   */
  @BackendTest
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  public void concurrentGetsEachAnswerTheirOwnKey(BackendContext cx, Backend backend) {
    getsAtOnce(cx.open(2, BackendContext.DEFAULT_PLAN_CACHE_SIZE), backend, false);
  }

  /**
   * {@link #concurrentGetsEachAnswerTheirOwnKey} with coalescing off, as a service that must
   * send one statement per read runs: every get is its own statement, and where the driver
   * pipelines ({@code DbBuilder.pipelineReads}: the Vert.x transport) the gets waiting together
   * go out as one pipeline on one connection, each answer routed back to its request by its
   * place in the pipeline. A record handed to the wrong request, or lost, fails here, and so
   * does any other count of statements than one per get (two gets of one key are two). The
   * statements and connections taken are printed.
   */
  @BackendTest
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  public void concurrentGetsSentOneByOneEachAnswerTheirOwnKey(BackendContext cx,
      Backend backend) {
    getsAtOnce(cx.open(2, BackendContext.DEFAULT_PLAN_CACHE_SIZE, b -> b.coalesceGets(false)),
        backend, true);
  }

  /**
   * 400 gets at once on {@code opened}'s pool of two, one in four for a key nobody stored: each
   * answers with its own key's record, or none; no more operations than gets are sent, and
   * exactly one per get where they are {@code sentOneByOne} (coalescing off).
   */
  private static void getsAtOnce(BackendContext.Opened opened, Backend backend,
      boolean sentOneByOne) {
    Db db = opened.db();
    List<UUID> seed = LoadFixture.seed(db);
    int gets = 400;
    List<UUID> keys = someMissing(seed, gets);
    UUID missing = new UUID(0, 0);
    int before = opened.log().size();
    int connections = opened.log().connectionsAcquired();
    List<UUID> answers = Tck.await(Flux.range(0, gets)
        .flatMapSequential(i -> Shoppers.getById(db, keys.get(i)).map(Shopper::id)
            .onErrorResume(RecordNotFoundException.class, e -> Mono.just(missing)),
            gets)
        .collectList());
    for (int i = 0; i < gets; i++) {
      UUID expected = seed.contains(keys.get(i)) ? keys.get(i) : missing;
      assertEquals(expected, answers.get(i), "get " + i + " of " + keys.get(i));
    }
    int sent = opened.log().size() - before;
    System.out.printf("[%s] %d gets at once%s on a pool of 2: %d operations sent on %d "
        + "connections%n", backend.name(), gets, sentOneByOne ? ", not coalesced," : "", sent,
        opened.log().connectionsAcquired() - connections);
    if (sentOneByOne) {
      assertEquals(gets, sent, "one statement per get");
    } else {
      assertTrue(sent <= gets, "more operations than gets: " + sent);
    }
    Tck.eventually("the pool is quiet: " + db.poolState(),
        () -> db.poolState().map(PoolState::quiet).orElse(true));
  }

  /**
   * The baskets of one shopper in descending {@code seq}, hundreds of such reads subscribed at
   * once on a pool of two, one in four for a shopper nobody stored: each gets exactly the
   * baskets of its own shopper, in its order, as the same read gives alone beforehand. While
   * the pool is saturated, reads waiting together may be answered by one
   * {@code shopper_id IN (..)} ({@code DbBuilder.coalesceLists}); a row handed to the wrong
   * request, lost, repeated or out of order fails here. The operations sent are printed.
   */
  @BackendTest
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  public void concurrentListsEachReadTheirOwnRows(BackendContext cx, Backend backend) {
    BackendContext.Opened opened = cx.open(2, BackendContext.DEFAULT_PLAN_CACHE_SIZE);
    Db db = opened.db();
    List<UUID> seed = LoadFixture.seed(db);
    Function<UUID, Mono<List<UUID>>> basketsOf = shopper -> Baskets
        .filter(Baskets.SHOPPER_ID.eq(shopper)).orderBy(Baskets.SEQ.desc()).collect(db)
        .map(list -> list.stream().map(Basket::id).toList());
    Map<UUID, List<UUID>> alone = new HashMap<>();
    int aloneBefore = opened.log().size();
    for (UUID shopper : seed) {
      List<UUID> own = Tck.await(basketsOf.apply(shopper));
      assertEquals(LoadFixture.BASKETS, own.size(), "baskets of " + shopper);
      alone.put(shopper, own);
    }
    // operations one read sends alone: one query, or on DynamoDB an index query and a get
    int perRead = (opened.log().size() - aloneBefore + seed.size() - 1) / seed.size();
    int reads = 400;
    List<UUID> keys = someMissing(seed, reads);
    int before = opened.log().size();
    List<List<UUID>> answers = Tck.await(Flux.range(0, reads)
        .flatMapSequential(i -> basketsOf.apply(keys.get(i)), reads)
        .collectList());
    int sent = opened.log().size() - before;
    for (int i = 0; i < reads; i++) {
      assertEquals(alone.getOrDefault(keys.get(i), List.of()), answers.get(i),
          "read " + i + " of the baskets of " + keys.get(i));
    }
    System.out.printf("[%s] %d lists at once on a pool of 2: %d operations sent%n",
        backend.name(), reads, sent);
    assertTrue(sent <= reads * perRead, "more operations than the reads send alone ("
        + perRead + " each): " + sent);
    Tck.eventually("the pool is quiet: " + db.poolState(),
        () -> db.poolState().map(PoolState::quiet).orElse(true));
  }

  /**
   * Updates by key, hundreds subscribed at once on a pool of two, one in four for a key nobody
   * stored, several for the same key: each counts what its own statement would have (1, or 0
   * for a missing key), every stored shopper ends with the name one of its own updates set (the
   * last writer of its key wins, whichever that was), and a shopper nobody updated keeps its
   * name. While the pool is saturated, updates waiting together may be written by one statement
   * ({@code DbBuilder.coalesceUpdates}); a value written to another request's row, a count
   * handed to the wrong request, or a write lost fails here. The operations sent are printed.
   */
  @BackendTest
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  public void concurrentUpdatesEachWriteTheirOwnRow(BackendContext cx, Backend backend) {
    BackendContext.Opened opened = cx.open(2, BackendContext.DEFAULT_PLAN_CACHE_SIZE);
    Db db = opened.db();
    List<UUID> seed = LoadFixture.seed(db);
    List<UUID> updated = seed.subList(0, seed.size() - 2); // the last two are never updated
    int updates = 400;
    List<UUID> keys = someMissing(updated, updates);
    int before = opened.log().size();
    List<Long> counts = Tck.await(Flux.range(0, updates)
        .flatMapSequential(i -> Shoppers.updateById(keys.get(i)).name("w" + i).exec(db), updates)
        .collectList());
    int sent = opened.log().size() - before;
    Map<UUID, List<String>> written = new HashMap<>();
    for (int i = 0; i < updates; i++) {
      boolean stored = seed.contains(keys.get(i));
      assertEquals(stored ? 1L : 0L, counts.get(i), "update " + i + " of " + keys.get(i));
      if (stored) {
        written.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add("w" + i);
      }
    }
    for (Shopper s : Tck.await(Shoppers.filter(Shoppers.ROUND.eq(LoadFixture.SEED))
        .collect(db))) {
      List<String> names = written.get(s.id());
      if (names == null) {
        assertTrue(s.name().matches("s\\d\\d"), "never updated, yet named " + s.name());
      } else {
        assertTrue(names.contains(s.name()), s.id() + " named " + s.name()
            + ", which none of its updates set: " + names);
      }
    }
    System.out.printf("[%s] %d updates at once on a pool of 2: %d operations sent%n",
        backend.name(), updates, sent);
    assertTrue(sent <= updates, "more operations than updates: " + sent);
    LoadFixture.assertSeedWhole(db, false);
    Tck.eventually("the pool is quiet: " + db.poolState(),
        () -> db.poolState().map(PoolState::quiet).orElse(true));
  }

  /** {@code n} keys drawn from {@code stored}, but every fourth one a key nobody stored. */
  private static List<UUID> someMissing(List<UUID> stored, int n) {
    List<UUID> keys = new ArrayList<>(n);
    Random random = new Random(SETTINGS.seed());
    for (int i = 0; i < n; i++) {
      keys.add(i % 4 == 3 ? new UUID(random.nextLong(), random.nextLong())
          : stored.get(random.nextInt(stored.size())));
    }
    return keys;
  }

  /**
   * A database for rounds on a pool of {@code pool}: its acquire timeout is the round's deadline.
   * Why: the last of {@link LoadSettings#subscribers()} subscribers queued on a pool of one waits
   * for every statement before it, several per include, which on a slow backend under load passes
   * the default 30 s without anything being wrong; a plan that deadlocks on the pool never
   * completes, so it still fails, at the acquire or at the round's deadline.
   */
  private static BackendContext.Opened openForRounds(BackendContext cx, int pool) {
    return cx.open(pool, BackendContext.DEFAULT_PLAN_CACHE_SIZE,
        b -> b.acquireTimeout(ROUND_DEADLINE));
  }

  /** What one subscriber does, drawn at random: the work and when (if ever) to cancel it. */
  private interface Draw {
    /** Draws for one round on {@code db}; each group it writes is tagged {@code tag + n}. */
    Function<Random, LoadRound.Work> round(Db db, List<UUID> seed, String tag,
        Map<String, Integer> groups);
  }

  private void soak(BackendContext cx, Backend backend, String name, boolean children,
      Draw draw) {
    forgetEarlierLeaks();
    LeakWatch.paranoid(() -> {
      for (int pool : SETTINGS.pools()) {
        BackendContext.Opened opened = openForRounds(cx, pool);
        Db db = opened.db();
        List<UUID> seed = LoadFixture.seed(db);
        Random random = new Random(SETTINGS.seed() + pool);
        long start = System.nanoTime();
        int rounds = 0;
        long completed = 0;
        long cancelled = 0;
        long okNanos = 0;
        List<Long> all = new ArrayList<>();
        while (SETTINGS.anotherRound(rounds, start)) {
          String tag = "p" + pool + "r" + rounds + "-";
          Map<String, Integer> groups = new LinkedHashMap<>();
          LoadRound round = LoadRound.of(SETTINGS.subscribers(), random,
              draw.round(db, seed, tag, groups));
          runRound(round, cx, opened, backend, name + ", pool " + pool + ", round " + rounds);
          Map<String, Integer> rows = LoadFixture.groupRows(db, tag, groups.keySet(), children);
          assertEquals(List.of(), LoadFixture.partial(rows, groups),
              "partial writes in round " + rounds);
          completed += round.completed();
          cancelled += round.cancelled();
          okNanos += round.wall().toNanos();
          all.addAll(round.latencies());
          rounds++;
        }
        assertNoLeaks(opened, backend, name + ", pool " + pool + ", " + rounds + " rounds");
        LoadFixture.assertSeedWhole(db, children);
        report(backend, name, pool, rounds, completed, cancelled, okNanos, all);
      }
    });
  }

  private static Function<Random, LoadRound.Work> mixed(Db db, List<UUID> seed, String tag,
      Map<String, Integer> groups) {
    return r -> {
      Drawn d = Drawn.of(r, tag, groups);
      return switch (d.kind()) {
        case 0, 1 -> d.work("get", getOne(db, seed, d.random()), 5);
        case 2, 3 -> d.work("include", LoadFixture.seedWithIncludes(db, 5), 300);
        case 4 -> d.work("stream", Shoppers.filter(Shoppers.ROUND.eq(LoadFixture.SEED))
            .stream(db).count(), 300);
        case 5, 6, 7 -> d.work("tx",
            LoadFixture.writeTxGroup(db, d.group(LoadFixture.TX_GROUP_ROWS)), 40);
        default -> d.work("many",
            LoadFixture.writeManyGroup(db, d.group(LoadFixture.MANY_GROUP_ROWS)), 40);
      };
    };
  }

  private static Function<Random, LoadRound.Work> keyValue(Db db, List<UUID> seed,
      String tag, Map<String, Integer> groups) {
    return r -> {
      Drawn d = Drawn.of(r, tag, groups);
      return switch (d.kind()) {
        case 0, 1, 2 -> d.work("get", getOne(db, seed, d.random()), 5);
        case 3, 4 -> d.work("stream", Shoppers.filter(Shoppers.ROUND.eq(LoadFixture.SEED))
            .stream(db).count(), 100);
        case 5 -> d.work("create", Shoppers.create().round("one-" + tag).name("one").exec(db)
            .then(), 20);
        default -> d.work("many",
            LoadFixture.writeManyGroup(db, d.group(LoadFixture.MANY_GROUP_ROWS)), 40);
      };
    };
  }

  /** A read of one of the seed's shoppers by key, drawn at random. */
  private static Mono<?> getOne(Db db, List<UUID> seed, Random r) {
    UUID key = seed.get(r.nextInt(seed.size()));
    return Shoppers.getById(db, key).doOnNext(s -> assertEquals(key, s.id(), "the record got"));
  }

  /** One subscriber's draw: its kind (0-9), whether it is cancelled, and its group if it writes. */
  private record Drawn(int kind, boolean cancel, Random random, String tag,
      Map<String, Integer> groups) {
    static Drawn of(Random r, String tag, Map<String, Integer> groups) {
      return new Drawn(r.nextInt(10), r.nextDouble() < SETTINGS.cancelShare(), r, tag, groups);
    }

    /** A new group tag, whose writes must come to {@code rows} rows or none. */
    String group(int rows) {
      String group = tag + groups.size();
      groups.put(group, rows);
      return group;
    }

    /** The work, cancelled (if drawn so) after a random delay of at most {@code maxMillis}. */
    LoadRound.Work work(String kind, Mono<?> mono, int maxMillis) {
      return LoadScenarios.work(kind, mono, cancel, random, maxMillis);
    }
  }

  private static LoadRound.Work work(String kind, Mono<?> mono, boolean cancel, Random r,
      int maxDelayMillis) {
    Duration after = cancel ? Duration.ofMillis(r.nextInt(maxDelayMillis + 1)) : null;
    return new LoadRound.Work(kind, mono, after);
  }

  /**
   * Runs {@code round} and checks what every round must leave: every subscriber ended, nothing
   * failed, every transaction ended, every connection back in the pool and no other open on the
   * server. Leaks are checked after the pool's rounds ({@link #assertNoLeaks}).
   */
  private static void runRound(LoadRound round, BackendContext cx, BackendContext.Opened opened,
      Backend backend, String what) {
    round.run().block(ROUND_DEADLINE);
    for (Throwable e : round.errors()) {
      if (e instanceof UnsupportedFeatureException u) {
        throw u; // the expected refusal where the backend lacks a feature the round needs
      }
    }
    if (!round.errors().isEmpty()) {
      // the whole story of each failure (cause chain, the database's own exception, stacks):
      // printed as well, since a failure seen once in CI may not come back on rerun
      String report = FailureChains.report(what, round.errors());
      System.out.printf("[%s] %s%n", backend.name(), report);
      assertEquals(List.of(), FailureChains.distinct(round.errors()), report);
    }
    Db db = opened.db();
    Tck.eventually(what + ": every transaction ended " + db.transactionStats(),
        () -> db.transactionStats().active() == 0);
    Tck.eventually(what + ": every connection released: acquired "
            + opened.log().connectionsAcquired() + ", released "
            + opened.log().connectionsReleased(),
        () -> opened.log().connectionsInUse() == 0);
    Tck.eventually(what + ": the pool is quiet: " + db.poolState(),
        () -> db.poolState().map(PoolState::quiet).orElse(true));
    Optional<PoolState> pool = db.poolState();
    pool.ifPresent(p -> assertTrue(p.allocated() <= p.maxSize(), what + ": " + p));
    noTransactionLeftOpen(opened, backend, what);
    Integer server = backend.serverConnections(opened.database()).block(Tck.TIMEOUT);
    if (server != null && pool.isPresent()) {
      int allocated = pool.get().allocated();
      Tck.eventually(what + ": the server's connections (" + server + ") are the pool's ("
          + allocated + ")", () -> backend.serverConnections(opened.database())
          .block(Tck.TIMEOUT) == db.poolState().orElseThrow().allocated());
    }
  }

  /**
   * With every connection back in the pool, no session of the run's database is inside a
   * transaction: a cancelled or failed transaction ended, or its connection was discarded, on
   * every path (cancel before or after BEGIN was answered, an error at BEGIN, a cancel racing
   * COMMIT). Asked of the server where it has sessions ({@link Backend#idleInTransaction}); a
   * count that does not reach 0 within the TCK's wait is a transaction that outlived its owner
   * (MariaDB's {@code innodb_trx} may list one that ended moments ago, hence the wait).
   */
  private static void noTransactionLeftOpen(BackendContext.Opened opened, Backend backend,
      String what) {
    if (backend.idleInTransaction(opened.database()).block(Tck.TIMEOUT) == null) {
      return; // no server sessions to ask: a transaction cannot outlive its request there
    }
    try {
      Tck.eventually(what + ": no session of the database is idle in a transaction",
          () -> backend.idleInTransaction(opened.database()).block(Tck.TIMEOUT) == 0);
    } catch (AssertionError e) {
      // what the server tells of the sessions, and what the connections ran last: a failure
      // seen once in CI may not come back on rerun
      List<OperationLog.Entry> entries = opened.log().entries();
      throw new AssertionError("[" + backend.name() + "] " + e.getMessage() + ": "
          + backend.idleInTransactionDetail(opened.database()).block(Tck.TIMEOUT)
          + "; the last operations: "
          + entries.subList(Math.max(0, entries.size() - 12), entries.size()), e);
    }
  }

  /**
   * Asserts that no buffer leaked in the rounds on this pool: the leak watch's collection is the
   * costly part of a round's checks (a whole-heap cycle, ~0.4 s against a round's ~0.1 s on
   * H2), so it runs once per pool size, after its rounds, not after each. A leak's report names
   * the places the buffer was touched, which is what finds it, not its round.
   */
  private static void assertNoLeaks(BackendContext.Opened opened, Backend backend, String what) {
    Db db = opened.db();
    LeakWatch.collect();
    Tck.await(Shoppers.filter(Shoppers.ROUND.eq("none")).collect(db)); // polls the drivers' own
    LeakWatch.collect();
    // the R2DBC drivers' own buffers (FaultChecks.knownUpstream) are counted, not failed on
    List<String> leaks = LeakWatch.leaksOf(backend.name());
    long upstream = leaks.stream().filter(FaultChecks::knownUpstream).count();
    if (upstream > 0) {
      System.out.printf("[%s] %s: %d buffers leaked inside the R2DBC driver's decoder (not the "
          + "library's; see FaultChecks.knownUpstream)%n", backend.name(), what, upstream);
    }
    assertEquals(List.of(), leaks.stream().filter(l -> !FaultChecks.knownUpstream(l)).toList(),
        what + ": leaked buffers");
  }

  /** Reports of buffers leaked before this scenario are not this scenario's. */
  private static void forgetEarlierLeaks() {
    LeakWatch.collect();
    LeakWatch.clear();
  }

  private static void report(Backend backend, String name, int pool, int rounds,
      long completed, long cancelled, long wallNanos, List<Long> latencies) {
    Collections.sort(latencies);
    double seconds = wallNanos / 1e9;
    System.out.printf("[%s] load %s, pool %d: %d rounds of %d subscribers in %.1f s; "
            + "%d completed (%.0f/s), %d cancelled; latency p50 %.1f ms, p99 %.1f ms, "
            + "max %.1f ms; 0 failures, 0 partial writes, 0 leaks%n",
        backend.name(), name, pool, rounds, SETTINGS.subscribers(), seconds, completed,
        completed / Math.max(seconds, 1e-9), cancelled, percentile(latencies, 0.50),
        percentile(latencies, 0.99), percentile(latencies, 1.0));
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
    return sorted.get(Math.max(0, i)) / 1e6;
  }
}
