package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.scenarios.TenancyScenarios.ACME;
import static io.toasty.tck.scenarios.TenancyScenarios.GLOBEX;
import static io.toasty.tck.scenarios.TenancyScenarios.admin;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Agg;
import io.toasty.Tenant;
import io.toasty.driver.Capability;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.ToastyException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.tck.ConcurrencyRounds;
import io.toasty.tck.models.TnCounter;
import io.toasty.tck.models.TnCounters;
import io.toasty.tck.models.TnProject;
import io.toasty.tck.models.TnProjects;
import io.toasty.tck.models.TnTask;
import io.toasty.tck.models.TnTasks;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Two tenants at once: random statements of every kind (creates, nested creates, reads, reads
 * by the other tenant's keys and names, includes, relation filters, aggregates, updates and
 * deletes by filter and by the other tenant's keys, upserts, batches), eight at a time, half for
 * each tenant. Every answer is checked as it comes (nothing of the other tenant), and at the end
 * every stored record is where its tenant put it: counts match what each tenant created and
 * deleted, names carry their tenant's prefix, counters their tenant's upserts. 6,000 statements
 * on each SQL backend, 1,200 on Neo4j, 1,000 on DynamoDB (whose unkeyed reads are scans), to
 * keep CI short; {@code -Dtoasty.tck.tenancyFuzz=10000} runs 10,000 on every backend (with
 * {@code -Djunit.jupiter.execution.timeout.mode=disabled}: the run's own hang guard grows with
 * the count).
 */
final class TenancyFuzz {
  private static final long SEED = 0x7e4a_47L;
  private static final int KINDS = 14;

  private TenancyFuzz() {}

  /** One tenant's side: what it made and what it saw wrong. */
  private static final class Side {
    final String tenant;
    final String prefix;
    final List<UUID> ids = new CopyOnWriteArrayList<>();
    final AtomicLong created = new AtomicLong();
    final AtomicLong deleted = new AtomicLong();
    final AtomicLong upserts = new AtomicLong();
    Side other;

    Side(String tenant) {
      this.tenant = tenant;
      this.prefix = tenant + "-";
    }
  }

  static void run(Db db, Capability capability) {
    // -Dtoasty.tck.tenancyFuzz=N runs N on every backend (the CI run keeps the sizes below)
    int usual = !capability.sql() ? 1_000
        : List.of("neo4j", "memgraph").contains(capability.backend()) ? 1_200 : 6_000;
    int statements = Integer.getInteger("toasty.tck.tenancyFuzz", usual);
    // a hang guard of five minutes per usual run: a larger run asked for gets proportionally
    // more (run it with -Djunit.jupiter.execution.timeout.mode=disabled, as the method's own
    // timeout is fixed)
    Duration guard = Duration.ofMinutes(5L * Math.max(1, (statements + usual - 1) / usual));
    Side acme = new Side(ACME);
    Side globex = new Side(GLOBEX);
    acme.other = globex;
    globex.other = acme;
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    Flux.range(0, statements)
        .flatMap(i -> {
          Side side = i % 2 == 0 ? acme : globex;
          // a deadlock between the two tenants' scans (MariaDB) is retried as a service would:
          // its transaction wrote nothing, and only what succeeds is counted
          return step(db, side, i, violations).contextWrite(Tenant.use(side.tenant))
              .retryWhen(Retry.max(10).filter(e -> e instanceof ToastyException t
                  && t.isTransient()))
              .onErrorResume(e -> {
                violations.add(side.tenant + " #" + i + " failed: " + e);
                return Mono.empty();
              });
        }, 8)
        .blockLast(guard);
    for (Side side : List.of(acme, globex)) {
      stored(db, side, violations);
    }
    ConcurrencyRounds.report("two tenants at once", db, statements, violations.size(), start);
    assertTrue(violations.isEmpty(), violations.size() + " of " + statements
        + " statements crossed tenants or failed (seed " + SEED + "), e.g.:\n"
        + String.join("\n", violations.stream().limit(5).toList()));
  }

  /** The {@code i}th statement, for {@code side}'s tenant (the Context the caller writes). */
  private static Mono<Void> step(Db db, Side side, int i, ConcurrentLinkedQueue<String> bad) {
    // Without interactive transactions a batch is one atomic write, which an update matching
    // no record fails whole (BatchQueryScenarios); the final counts show it wrote nothing.
    boolean interactive = db.capability().interactiveTransactions();
    Random rnd = new Random(SEED ^ i);
    long score = rnd.nextInt(10);
    UUID theirs = pick(side.other.ids, rnd);
    UUID mine = pick(side.ids, rnd);
    String tag = side.tenant + " #" + i + ": ";
    return switch (rnd.nextInt(KINDS)) {
      case 0 -> TnProjects.create().name(side.prefix + i).score(score).exec(db)
          .doOnNext(p -> created(side, p, tag, bad)).then();
      case 1 -> TnProjects.create().name(side.prefix + i).score(score)
          .tasks(TnTasks.create().title(side.prefix + "t" + i).done(rnd.nextBoolean()))
          .exec(db).doOnNext(p -> created(side, p, tag, bad)).then();
      case 2 -> TnProjects.filter(TnProjects.SCORE.eq(score)).stream(db)
          .doOnNext(p -> mineOnly(side, p, tag, bad)).then();
      case 3 -> zero(TnProjects.filter(TnProjects.NAME.startsWith(side.other.prefix))
          .count(db), tag + "counted the other tenant's names", bad);
      case 4 -> theirs == null ? Mono.empty() : TnProjects.filterById(theirs).stream(db)
          .doOnNext(p -> bad.add(tag + "read the other tenant's " + p)).then();
      case 5 -> TnProjects.filter(TnProjects.SCORE.eq(score)).update()
          .name(side.prefix + "u" + i).exec(db).then();
      case 6 -> theirs == null ? Mono.empty() : zero(TnProjects.updateById(theirs)
          .name(side.prefix + "stolen").exec(db), tag + "updated the other's record", bad);
      case 7 -> mine == null ? Mono.empty() : TnProjects.deleteById(mine).exec(db)
          .doOnNext(side.deleted::addAndGet).then()
          // an atomic delete (with its tasks) of a record the same tenant deleted meanwhile
          .onErrorResume(RecordNotFoundException.class, e -> Mono.empty());
      case 8 -> theirs == null ? Mono.empty() : zero(TnProjects.deleteById(theirs).exec(db),
          tag + "deleted the other's record", bad);
      case 9 -> TnProjects.filter(TnProjects.SCORE.eq(score)).include(TnProjects.TASKS)
          .stream(db).doOnNext(p -> {
            mineOnly(side, p, tag, bad);
            p.tasks().get().forEach(t -> mineOnly(side, t, tag, bad));
          }).then();
      case 10 -> zero(TnProjects.filter(TnProjects.TASKS.any(
              TnTasks.TITLE.startsWith(side.other.prefix))).count(db),
          tag + "a relation filter reached the other's tasks", bad);
      case 11 -> TnProjects.all().select(TnProjects.TENANT, Agg.count())
          .groupBy(TnProjects.TENANT).collect(db).doOnNext(groups -> {
            if (groups.size() > 1 || groups.stream().anyMatch(g -> !g.getT1().equals(side.tenant))) {
              bad.add(tag + "an aggregate grouped " + groups);
            }
          }).then(zero(TnProjects.filter(TnProjects.NAME.startsWith(side.other.prefix))
              .select(Agg.count()).first(db), tag + "an aggregate counted the other's", bad));
      case 12 -> TnCounters.upsert().name("c" + score).hits(1)
          .onUpdate(u -> u.hits(TnCounters.HITS.plus(1L))).exec(db).doOnNext(c -> {
            side.upserts.incrementAndGet();
            if (!c.tenant().equals(side.tenant)) {
              bad.add(tag + "upserted " + c);
            }
          }).then();
      default -> theirs == null ? Mono.empty() : Toasty.batch(
              TnProjects.create().name(side.prefix + i).score(score),
              TnProjects.updateById(theirs).score(-1L)).exec(db)
          .doOnNext(t -> {
            created(side, t.getT1(), tag, bad);
            if (t.getT2() != 0L) {
              bad.add(tag + "a batch updated the other's record");
            }
          }).then()
          .onErrorResume(e -> e instanceof RecordNotFoundException && !interactive,
              e -> Mono.empty()); // an atomic write that found no record wrote nothing

    };
  }

  private static UUID pick(List<UUID> ids, Random rnd) {
    int n = ids.size();
    return n == 0 ? null : ids.get(rnd.nextInt(n));
  }

  private static void created(Side side, TnProject p, String tag,
      ConcurrentLinkedQueue<String> bad) {
    mineOnly(side, p, tag, bad);
    side.ids.add(p.id());
    side.created.incrementAndGet();
  }

  private static void mineOnly(Side side, TnProject p, String tag,
      ConcurrentLinkedQueue<String> bad) {
    if (!p.tenant().equals(side.tenant) || !p.name().startsWith(side.prefix)) {
      bad.add(tag + "saw " + p);
    }
  }

  private static void mineOnly(Side side, TnTask t, String tag,
      ConcurrentLinkedQueue<String> bad) {
    if (!t.tenant().equals(side.tenant) || !t.title().startsWith(side.prefix)) {
      bad.add(tag + "saw " + t);
    }
  }

  private static Mono<Void> zero(Mono<Long> count, String what,
      ConcurrentLinkedQueue<String> bad) {
    return count.doOnNext(n -> {
      if (n != 0L) {
        bad.add(what + " (" + n + ")");
      }
    }).then();
  }

  /** What is stored for {@code side}'s tenant, read for every tenant, against what it did. */
  private static void stored(Db db, Side side, ConcurrentLinkedQueue<String> bad) {
    List<TnProject> projects = await(admin(TnProjects.filter(TnProjects.TENANT.eq(side.tenant))
        .collect(db)));
    long expected = side.created.get() - side.deleted.get();
    if (projects.size() != expected) {
      bad.add(side.tenant + " holds " + projects.size() + " projects, made " + expected);
    }
    projects.stream().filter(p -> !p.name().startsWith(side.prefix))
        .forEach(p -> bad.add(side.tenant + " holds another's write: " + p));
    await(admin(TnTasks.filter(TnTasks.TENANT.eq(side.tenant)).collect(db))).stream()
        .filter(t -> !t.title().startsWith(side.prefix))
        .forEach(t -> bad.add(side.tenant + " holds another's task: " + t));
    long hits = await(admin(TnCounters.filter(TnCounters.TENANT.eq(side.tenant)).collect(db)))
        .stream().mapToLong(TnCounter::hits).sum();
    if (hits != side.upserts.get()) {
      bad.add(side.tenant + " counted " + hits + " upserts, made " + side.upserts.get());
    }
  }
}
