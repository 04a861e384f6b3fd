package io.toasty.migrate.apply;

import io.toasty.migrate.files.MigrationFile;
import io.toasty.migrate.files.Step;
import io.toasty.migrate.live.LiveTable;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies and rolls back migrations step by step on a backend whose schema changes commit one
 * by one (DynamoDB, Neo4j): under the backend's lock, a history entry is written before a
 * migration's first step and its count of steps in effect updated after every step, so that a
 * failed run resumes where it stopped and a rollback undoes only what is in effect.
 */
public abstract class StepwiseMigrator implements MigrationRuns {

  /** Creates the history's storage when it is missing. */
  protected abstract Mono<Void> createHistory();

  /** The history entries, by version (the lock aside). */
  public abstract Mono<List<HistoryRow>> rows();

  /** Writes a migration's history entry. */
  protected abstract Mono<Void> put(int version, String name, String checksum, int stepsDone,
      boolean complete);

  /** Updates a migration's count of steps in effect. */
  protected abstract Mono<Void> progress(int version, int stepsDone, boolean complete);

  /** Deletes a migration's history entry. */
  protected abstract Mono<Void> delete(int version);

  /** Takes the migration lock, waiting while another run holds it. */
  protected abstract Mono<Void> lock();

  /** Releases the migration lock. */
  protected abstract Mono<Void> unlock();

  /** Runs one statement of a step. */
  protected abstract Mono<Void> request(String statement);

  /** The table as the database describes it, or empty when it does not exist. */
  public abstract Mono<Optional<LiveTable>> describe(
      String table);

  /** The tables the database has (under the driver's prefix, without it). */
  public abstract Mono<List<String>> tables();

  /** {@code work} under the lock, released on completion, error and cancel. */
  private <T> Mono<T> locked(Mono<T> work) {
    return createHistory().then(Mono.usingWhen(lock().thenReturn(this), m -> work,
        StepwiseMigrator::unlock, (m, e) -> m.unlock(), StepwiseMigrator::unlock));
  }

  @Override
  public Mono<List<Integer>> apply(List<MigrationFile> files, int target, StepRunner steps) {
    return locked(rows().map(rows -> Pending.toApply(files, rows).stream()
            .filter(p -> p.file().version() <= target).toList())
        .flatMapMany(pending -> Flux.fromIterable(pending).concatMap(p -> {
          MigrationFile f = p.file();
          Mono<Void> start = p.resumed() ? Mono.empty()
              : put(f.version(), f.name(), f.checksum(), 0, false);
          return start.then(steps.run(f, f.up(), p.fromStep(), false, this::request,
                  i -> progress(f.version(), i + 1, false)))
              .then(progress(f.version(), f.up().size(), true))
              .thenReturn(f.version());
        }))
        .collectList());
  }

  @Override
  public Mono<List<Integer>> rollback(List<MigrationFile> files, int target,
      StepRunner steps) {
    return locked(rows().map(rows -> Pending.toUndo(files, rows, target))
        .flatMapMany(undo -> Flux.fromIterable(undo).concatMap(u -> {
          MigrationFile f = u.file();
          List<Step> down = f.down();
          return progress(f.version(), u.stepsDone(), false)
              .then(steps.run(f, down, down.size() - u.stepsDone(), true, this::request,
                  i -> progress(f.version(), down.size() - i - 1, false)))
              .then(delete(f.version()))
              .thenReturn(f.version());
        }))
        .collectList());
  }
}
