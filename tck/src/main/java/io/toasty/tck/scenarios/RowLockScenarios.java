package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.error.InvalidStatementException;
import io.toasty.reactive.Db;
import io.toasty.stmt.RowLock;
import io.toasty.tck.BackendTest;
import io.toasty.tck.ConcurrencyRounds;
import io.toasty.tck.DbOptions;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Job;
import io.toasty.tck.models.JobCreate;
import io.toasty.tck.models.Jobs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Locking reads inside transactions: a job queue whose workers take jobs with
 * {@code skipLocked()}, read-modify-write increments under {@code forUpdate()}, and the
 * refusals: no lock outside a transaction, none on a backend without row locks.
 */
@Models(Jobs.class)
@Requires({Need.INTERACTIVE_TRANSACTIONS, Need.ROW_LOCKS})
public abstract class RowLockScenarios {
  static final int WORKERS = 10;
  static final int JOBS = 40;
  /** Rounds of the queue race in CI; {@link ConcurrencyRounds} overrides. */
  static final int QUEUE_ROUNDS = 10;

  private static List<Job> jobs(Db db, int n) {
    // UUIDs drawn here, on the test thread: SecureRandom may block, which a Reactor thread must not
    List<JobCreate> creates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      creates.add(Jobs.create().id(UUID.randomUUID()).seq(i).taken(false).count(0));
    }
    return await(Flux.fromIterable(creates).concatMap(c -> c.exec(db)).collectList());
  }

  /** Takes jobs until a round finds none (a worker may see none while others hold the rest). */
  private static Flux<Job> drain(Db db, String name) {
    return Flux.defer(() -> db.transactionMono(tx -> Jobs.filter(Jobs.TAKEN.eq(false))
            .orderBy(Jobs.SEQ.asc()).limit(1).skipLocked().first(tx)
            .flatMap(job -> Jobs.update(job).taken(true).worker(name).exec(tx)))
        .map(Optional::of).defaultIfEmpty(Optional.empty()))
        .repeat()
        .takeWhile(Optional::isPresent)
        .map(Optional::get);
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.ROW_LOCKS, Need.LOCK_WAIT_POLICY})
  @DbOptions(poolMaxSize = WORKERS)
  public void aTenWorkerQueueTakesEachJobExactlyOnce(Db db) {
    long start = System.nanoTime();
    int rounds = ConcurrencyRounds.of(QUEUE_ROUNDS);
    int violations = 0;
    for (int round = 0; round < rounds; round++) {
      await(Jobs.all().delete().exec(db));
      List<Job> jobs = jobs(db, JOBS);
      List<Job> taken = await(Flux.range(0, WORKERS)
          .flatMap(w -> drain(db, "w" + w), WORKERS).collectList());
      // A worker that found the rest locked stops early; whoever is left takes the remainder.
      taken = new ArrayList<>(taken);
      taken.addAll(await(drain(db, "last").collectList()));
      Map<UUID, Integer> times = new HashMap<>();
      taken.forEach(j -> times.merge(j.id(), 1, Integer::sum));
      boolean once = times.size() == JOBS && times.values().stream().allMatch(t -> t == 1)
          && jobs.stream().allMatch(j -> times.containsKey(j.id()));
      List<Job> stored = await(Jobs.all().collect(db));
      Map<UUID, String> workers = new HashMap<>();
      taken.forEach(j -> workers.put(j.id(), j.worker().orElseThrow()));
      boolean recorded = stored.stream()
          .allMatch(j -> j.taken() && j.worker().equals(Optional.of(workers.get(j.id()))));
      if (!once || !recorded) {
        violations++;
      }
    }
    ConcurrencyRounds.report("skipLocked queue, " + JOBS + " jobs, " + WORKERS + " workers", db,
        rounds, violations, start);
    assertEquals(0, violations);
  }

  @BackendTest
  @DbOptions(poolMaxSize = WORKERS)
  public void forUpdateSerializesReadModifyWrite(Db db) {
    long start = System.nanoTime();
    int rounds = ConcurrencyRounds.of(1);
    int violations = 0;
    for (int round = 0; round < rounds; round++) {
      Job counter = jobs(db, 1).get(0);
      await(Flux.range(0, WORKERS).flatMap(i -> db.transactionMono(tx ->
          Jobs.filterById(counter.id()).forUpdate().first(tx)
              .flatMap(j -> Jobs.update(j).count(j.count() + 1).exec(tx))), WORKERS).then());
      if (await(Jobs.getById(db, counter.id())).count() != WORKERS) {
        violations++;
      }
    }
    ConcurrencyRounds.report("forUpdate increment, " + WORKERS + " at once", db, rounds,
        violations, start);
    assertEquals(0, violations);
  }

  @BackendTest
  public void aLockedReadReturnsTheRowsAsAPlainReadWould(Db db) {
    List<Job> jobs = jobs(db, 3);
    List<Job> locked = await(db.transactionMono(tx -> Jobs.all().orderBy(Jobs.SEQ.asc())
        .forUpdate().collect(tx)));
    assertEquals(jobs, locked);
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.ROW_LOCKS, Need.LOCK_WAIT_POLICY})
  public void noWaitReadsRowsNobodyHolds(Db db) {
    List<Job> jobs = jobs(db, 2);
    assertEquals(jobs, await(db.transactionMono(tx -> Jobs.all().orderBy(Jobs.SEQ.asc())
        .noWait().collect(tx))));
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.ROW_LOCKS, Need.LOCK_WAIT_POLICY})
  public void skipLockedReadsRowsNobodyHolds(Db db) {
    List<Job> jobs = jobs(db, 2);
    assertEquals(jobs, await(db.transactionMono(tx -> Jobs.all().orderBy(Jobs.SEQ.asc())
        .skipLocked().collect(tx))));
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.ROW_LOCKS, Need.SHARED_ROW_LOCKS})
  public void forShareReadsTheRows(Db db) {
    List<Job> jobs = jobs(db, 2);
    assertEquals(jobs, await(db.transactionMono(tx -> Jobs.all().orderBy(Jobs.SEQ.asc())
        .forShare().collect(tx))));
  }

  @BackendTest
  @Requires(Need.ROW_LOCKS)
  public void aLockedReadOutsideATransactionIsInvalid(Db db) {
    Job job = jobs(db, 1).get(0);
    InvalidStatementException e = failure(InvalidStatementException.class,
        () -> Jobs.filterById(job.id()).forUpdate().first(db));
    assertEquals(Optional.of("Job"), e.model());
  }

  @BackendTest
  public void aLockedReadThenUpdateCommitsTheUpdate(Db db) {
    Job job = jobs(db, 1).get(0);
    await(db.transactionMono(tx -> Jobs.filterById(job.id()).forUpdate().first(tx)
        .flatMap(j -> Jobs.update(j).worker("me").exec(tx))));
    assertEquals(Optional.of("me"), await(Jobs.getById(db, job.id())).worker());
  }

  /** A locked read is an ordinary read of the transaction: it sees what the transaction wrote. */
  @BackendTest
  public void aLockedReadSeesItsTransactionsOwnWrites(Db db) {
    Job job = jobs(db, 1).get(0);
    Job read = await(db.transactionMono(tx -> Jobs.update(job).worker("mine").count(7).exec(tx)
        .then(Jobs.filterById(job.id()).forUpdate().first(tx))));
    assertEquals(Optional.of("mine"), read.worker());
    assertEquals(7, read.count());
  }

  @BackendTest
  public void aRolledBackLockedUpdateChangesNothing(Db db) {
    Job job = jobs(db, 1).get(0);
    failure(IllegalStateException.class, () -> db.transactionMono(tx -> Jobs.filterById(job.id())
        .forUpdate().first(tx)
        .flatMap(j -> Jobs.update(j).worker("me").exec(tx))
        .then(Mono.error(new IllegalStateException("undo")))));
    assertEquals(job, await(Jobs.getById(db, job.id())));
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.ROW_LOCKS, Need.LOCK_WAIT_POLICY})
  public void skipLockedAloneMeansForUpdate(Db db) {
    jobs(db, 1);
    assertEquals(new RowLock(RowLock.Mode.UPDATE, RowLock.OnLocked.SKIP_LOCKED),
        Jobs.all().skipLocked().untyped().lock());
    assertEquals(new RowLock(RowLock.Mode.SHARE, RowLock.OnLocked.NOWAIT),
        Jobs.all().forShare().noWait().untyped().lock());
    assertEquals(1, await(db.transactionMono(tx -> Jobs.all().skipLocked().collect(tx))).size());
  }
}
