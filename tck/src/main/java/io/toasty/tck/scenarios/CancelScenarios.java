package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Executor;
import io.toasty.error.ToastyException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Tx;
import io.toasty.reactive.TxOptions;
import io.toasty.reactive.TxStats;
import io.toasty.tck.Backend;
import io.toasty.tck.BackendTest;
import io.toasty.tck.DbOptions;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.TenantItem;
import io.toasty.tck.models.TenantItemCreate;
import io.toasty.tck.models.TenantItems;
import io.toasty.tck.models.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

/**
 * Cancellation at random points, many times over: mid-stream, between the statements of a
 * transaction, during its commit, at a random moment, and in plans that write several times. A
 * cancel's cleanup runs after its subscriber has gone, so the scenario looks at the database and
 * the connection counts afterwards: no partial write may be visible and no connection may leak.
 */
@Models({TenantItems.class, Users.class})
@Requires(Need.INTERACTIVE_TRANSACTIONS)
public abstract class CancelScenarios {
  /** Rows each transaction writes, all with the same tenant (its group). */
  static final int GROUP = 4;
  /**
   * Cancellations each backend must go through; {@code -Dtoasty.tck.cancellations=20000} (with a
   * longer budget) hunts a race rarer than one in a thousand.
   */
  static final int CANCELLATIONS = Integer.getInteger("toasty.tck.cancellations", 1000);
  /** Runs in flight at once, on a pool of two connections. */
  static final int IN_FLIGHT = 4;
  /** How long the runs may take before the scenario stops and reports what it has. */
  static final Duration BUDGET =
      Duration.ofSeconds(Long.getLong("toasty.tck.cancelBudgetSeconds", 120));
  /** Rows each transaction reads between its writes (a stream to cancel mid-way). */
  static final int READERS = 12;

  /** Where a run is cancelled. */
  enum Point { BETWEEN_STATEMENTS, MID_STREAM, DURING_COMMIT, RANDOM_TIME, PLAN, STREAM, NONE }

  /** One run's script: the seeded choices, made before it starts. */
  record Script(int run, Point point, int at, boolean synchronous, int lastStep, long nanos) {
    String group() {
      return "g" + run;
    }
  }

  @BackendTest
  @DbOptions(poolMaxSize = 2)
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // a few seconds on an idle machine
  public void randomCancellationsLeaveNoPartialWriteAndLeakNoConnection(Db db, OperationLog log,
      Backend backend) {
    await(Users.createMany(Fixtures.creates("reader", READERS)).exec(db));
    Tck.eventually("the seed's connection is released", () -> log.connectionsInUse() == 0);
    log.clear();
    Random random = new Random(0x5EED_CA9CL);
    Map<Point, Integer> cancelled = new EnumMap<>(Point.class);
    Set<String> completed = ConcurrentHashMap.newKeySet();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    int runs = 0;
    int writingRuns = 0;
    while (total(cancelled) < CANCELLATIONS && runs < CANCELLATIONS * 4
        && System.nanoTime() - start < BUDGET.toNanos()) {
      List<Mono<Void>> wave = new ArrayList<>();
      List<Script> scripts = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        Script s = script(runs++, random);
        if (s.point() != Point.STREAM) {
          writingRuns++;
        }
        scripts.add(s);
        wave.add(run(db, s, completed, errors));
      }
      List<Boolean> cut = Flux.fromIterable(wave).flatMapSequential(m -> m.thenReturn(false)
              .onErrorReturn(CutShort.class, true), IN_FLIGHT)
          .collectList().block(Tck.TIMEOUT);
      for (Throwable e : errors) {
        if (e instanceof UnsupportedFeatureException u) {
          throw u; // a backend without transactions: the harness expects exactly this
        }
      }
      for (int i = 0; i < scripts.size(); i++) {
        if (cut.get(i)) {
          cancelled.merge(scripts.get(i).point(), 1, Integer::sum);
        }
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;

    Tck.eventually("every transaction has ended: " + db.transactionStats(),
        () -> db.transactionStats().active() == 0);
    Map<String, Integer> rowsPerGroup = new HashMap<>();
    for (TenantItem item : await(TenantItems.all().collect(db))) {
      rowsPerGroup.merge(item.tenant(), 1, Integer::sum);
    }
    // a release is counted when the driver's close completes, maybe on another thread
    Tck.eventually("every connection is released: acquired " + log.connectionsAcquired()
        + ", released " + log.connectionsReleased(), () -> log.connectionsInUse() == 0);
    List<String> partial = new ArrayList<>();
    rowsPerGroup.forEach((group, rows) -> {
      if (rows != GROUP) {
        partial.add(group + " has " + rows + " rows");
      }
    });
    List<String> lost = new ArrayList<>();
    for (String group : completed) {
      if (rowsPerGroup.getOrDefault(group, 0) != GROUP) {
        lost.add(group);
      }
    }
    int leaked = log.connectionsAcquired() - log.connectionsReleased();
    TxStats stats = db.transactionStats();
    System.out.printf("[%s] random cancel: %d runs in %d ms, %d cancellations %s; groups "
            + "with all their rows %d, with none %d, partial %d; connections acquired %d, "
            + "released %d, leaked %d; %s; errors %d%n",
        backend.name(), runs, millis, total(cancelled), cancelled, rowsPerGroup.size(),
        writingRuns - rowsPerGroup.size(), partial.size(), log.connectionsAcquired(),
        log.connectionsReleased(), leaked, stats, errors.size());
    errors.stream().map(Throwable::toString).distinct().forEach(e ->
        System.out.println("[" + backend.name() + "]   error: " + e));

    assertEquals(List.of(), partial, "partial commits");
    assertEquals(List.of(), lost, "transactions that completed but whose rows are missing");
    assertEquals(0, leaked, "leaked connections");
    assertTrue(total(cancelled) >= CANCELLATIONS, "only " + total(cancelled) + " cancellations in "
        + runs + " runs within " + BUDGET.toSeconds() + " s; errors " + errors.size());
    assertTrue(completed.size() > 0, "no run completed");
    assertTrue(errors.stream().allMatch(e -> e instanceof ToastyException t && t.isTransient()),
        "runs failed: " + errors);
    assertEquals(0, stats.active(), stats.toString());

    // the pool of two is whole: two transactions hold a connection each at once (read-only:
    // SQLite lets one read-write transaction at a time), then a query
    TxOptions readOnly = TxOptions.defaults().readOnly();
    Tuple2<Tx, Tx> two = await(Mono.zip(db.begin(readOnly), db.begin(readOnly))
        .timeout(Duration.ofSeconds(15)));
    await(two.getT1().rollback().then(two.getT2().rollback()));
    assertEquals(rowsPerGroup.size() * GROUP,
        await(TenantItems.all().collect(db).timeout(Duration.ofSeconds(15))).size());
    Tck.eventually("every connection is released", () -> log.connectionsInUse() == 0);
  }

  @BackendTest
  @DbOptions(poolMaxSize = 1)
  public void cancellingDuringCommitEitherCommitsAllOrNothingAndReleases(Db db,
      OperationLog log) {
    for (int i = 0; i < 20; i++) {
      String group = "c" + i;
      Sinks.Empty<Void> cancel = Sinks.empty();
      db.transaction(tx -> writeGroup(tx, group, 0, GROUP)
              .doOnSuccess(rows -> cancel.tryEmitEmpty()))
          .takeUntilOther(cancel.asMono())
          .then().block(Tck.TIMEOUT);
      Tck.eventually("released", () -> log.connectionsInUse() == 0);
      int rows = await(TenantItems.filter(TenantItems.TENANT.eq(group)).collect(db)).size();
      assertTrue(rows == 0 || rows == GROUP, group + " has " + rows + " rows");
    }
  }

  @BackendTest
  @DbOptions(poolMaxSize = 1)
  public void cancellingAStreamMidWayReleasesTheConnectionEveryTime(Db db, OperationLog log) {
    await(Users.createMany(Fixtures.creates("u", 40)).exec(db));
    for (int i = 1; i <= 30; i++) {
      assertEquals(i, Users.all().stream(db).take(i).count().block(Tck.TIMEOUT));
      assertEquals(i, db.transaction(tx -> Users.all().stream(tx)).take(i).count()
          .block(Tck.TIMEOUT));
    }
    Tck.eventually("released", () -> log.connectionsInUse() == 0);
    assertEquals(40, await(Users.all().collect(db)).size());
  }

  /**
   * 500 key reads and single-row updates outside a transaction, four at a time on a pool of
   * two, each cancelled after a random delay (while it waits for a permit, before its
   * connection came, while its statement ran, or as it ended): the single-statement path that takes a free connection in one step gives every
   * connection back once, and the pool then hands out both again.
   */
  @BackendTest
  @DbOptions(poolMaxSize = 2)
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  public void singleStatementsCancelledAtRandomLeaveThePoolWhole(Db db, OperationLog log,
      Backend backend) {
    var users = await(Users.createMany(Fixtures.creates("single", 8)).exec(db));
    List<UUID> ids = users.stream().map(u -> u.id()).toList();
    Tck.eventually("the seed's connection is released", () -> log.connectionsInUse() == 0);
    Random random = new Random(0x21_FA57L);
    AtomicInteger done = new AtomicInteger();
    List<Mono<Void>> all = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      int k = random.nextInt(ids.size());
      Mono<?> op = random.nextInt(4) == 0
          ? Mono.from(Users.update(users.get(k)).name("n" + i).exec(db)).then()
          : Users.getById(db, ids.get(k));
      all.add(op.doOnSuccess(x -> done.incrementAndGet())
          .timeout(Duration.ofNanos(random.nextInt(20_000_000)), Mono.empty())
          .onErrorResume(e -> e instanceof ToastyException t && t.isTransient(),
              e -> Mono.empty())
          .subscribeOn(Schedulers.parallel())
          .then());
    }
    // four at a time on two connections: some find a connection free, some wait for one
    Flux.fromIterable(all).flatMap(m -> m, 4).blockLast(Tck.TIMEOUT);
    Tck.eventually("every connection is released: acquired " + log.connectionsAcquired()
        + ", released " + log.connectionsReleased(), () -> log.connectionsInUse() == 0);
    System.out.printf("[%s] single statements cancelled at random: %d of 500 completed; "
        + "connections acquired %d, released %d%n", backend.name(), done.get(),
        log.connectionsAcquired(), log.connectionsReleased());
    TxOptions readOnly = TxOptions.defaults().readOnly();
    Tuple2<Tx, Tx> two = await(Mono.zip(db.begin(readOnly), db.begin(readOnly))
        .timeout(Duration.ofSeconds(15)));
    await(two.getT1().rollback().then(two.getT2().rollback()));
    assertEquals(8L, await(Users.filter(Users.ID.in(ids)).count(db)
        .timeout(Duration.ofSeconds(15))));
    Tck.eventually("every connection is released", () -> log.connectionsInUse() == 0);
  }

  private static int total(Map<Point, Integer> cancelled) {
    return cancelled.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static Script script(int run, Random random) {
    int roll = random.nextInt(100);
    Point point = roll < 25 ? Point.BETWEEN_STATEMENTS
        : roll < 40 ? Point.MID_STREAM
        : roll < 55 ? Point.DURING_COMMIT
        : roll < 75 ? Point.RANDOM_TIME
        : roll < 85 ? Point.PLAN
        : roll < 95 ? Point.STREAM
        : Point.NONE;
    int at = switch (point) {
      case BETWEEN_STATEMENTS -> random.nextInt(4);
      case MID_STREAM, STREAM -> 1 + random.nextInt(READERS - 1);
      default -> 0;
    };
    return new Script(run, point, at, random.nextBoolean(), random.nextInt(3),
        random.nextInt(3_000_000));
  }

  /**
   * One run: a transaction that writes its group's rows in several statements (one create, a
   * read of {@value #READERS} rows, a create of two, and a last create through {@code tx},
   * through the Db bound in the Context, or in a nested transaction), or a multi-row create
   * outside any transaction, or a plain stream; cancelled where its script says. Fails with
   * {@link CutShort} when the cancel came first.
   */
  private static Mono<Void> run(Db db, Script s, Set<String> completed, List<Throwable> errors) {
    return Mono.defer(() -> {
      Sinks.Empty<Void> cancel = Sinks.empty();
      Runnable fire = s.synchronous() ? cancel::tryEmitEmpty
          : () -> Schedulers.parallel().schedule(cancel::tryEmitEmpty);
      Runnable[] between = new Runnable[4];
      for (int i = 0; i < between.length; i++) {
        between[i] = s.point() == Point.BETWEEN_STATEMENTS && s.at() == i ? fire : () -> { };
      }
      AtomicInteger rows = new AtomicInteger();
      Flux<?> work = switch (s.point()) {
        case PLAN -> TenantItems.createMany(creates(s.group(), 0, GROUP)).exec(db).flux();
        case STREAM -> Users.all().stream(db).doOnNext(u -> {
          if (rows.incrementAndGet() == s.at()) {
            fire.run();
          }
        });
        default -> db.transaction(tx -> Flux.concat(
            TenantItems.create().tenant(s.group()).id(0).name("first").exec(tx),
            Mono.fromRunnable(between[0]),
            Users.all().stream(tx).doOnNext(u -> {
              if (s.point() == Point.MID_STREAM && rows.incrementAndGet() == s.at()) {
                fire.run();
              }
            }).then(),
            Mono.fromRunnable(between[1]),
            writeGroup(tx, s.group(), 1, 2),
            Mono.fromRunnable(between[2]),
            lastStep(db, tx, s),
            Mono.fromRunnable(between[3]))
            .doOnComplete(s.point() == Point.DURING_COMMIT ? fire : () -> { }));
      };
      Mono<Void> trigger = s.point() == Point.RANDOM_TIME || s.point() == Point.PLAN
          ? Mono.delay(Duration.ofNanos(s.nanos())).then() : cancel.asMono();
      AtomicBoolean cut = new AtomicBoolean();
      return work.takeUntilOther(trigger.doOnTerminate(() -> cut.set(true)))
          .then(Mono.defer(() -> {
            if (cut.get()) {
              return Mono.<Void>error(new CutShort());
            }
            if (s.point() != Point.STREAM) {
              completed.add(s.group());
            }
            return Mono.<Void>empty();
          }))
          .onErrorResume(e -> !(e instanceof CutShort), e -> {
            errors.add(e);
            return Mono.empty();
          });
    });
  }

  private static Mono<?> lastStep(Db db, Tx tx, Script s) {
    String g = s.group();
    return switch (s.lastStep()) {
      case 0 -> TenantItems.create().tenant(g).id(GROUP - 1).name("last").exec(tx);
      case 1 -> TenantItems.create().tenant(g).id(GROUP - 1).name("last").exec(db); // joins tx
      // the nested variant needs savepoints; a backend without them (Neo4j) writes through tx
      default -> !db.capability().savepoints()
          ? TenantItems.create().tenant(g).id(GROUP - 1).name("last").exec(tx)
          : tx.transactionMono(inner -> TenantItems.create().tenant(g).id(GROUP - 1)
          .name("nested").exec(inner));
    };
  }

  /** Creates rows {@code from .. from + count - 1} of {@code group} in one statement. */
  static Mono<List<TenantItem>> writeGroup(Executor db, String group, int from, int count) {
    return TenantItems.createMany(creates(group, from, count)).exec(db);
  }

  private static List<TenantItemCreate> creates(String group, int from,
      int count) {
    List<TenantItemCreate> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(TenantItems.create().tenant(group).id(i).name("row" + i));
    }
    return out;
  }

  /** Marks a run whose cancel came before its end. */
  private static final class CutShort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CutShort() {
      super(null, null, false, false);
    }
  }
}
