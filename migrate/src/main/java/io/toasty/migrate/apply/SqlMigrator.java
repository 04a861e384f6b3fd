package io.toasty.migrate.apply;

import io.toasty.driver.Connection;
import io.toasty.migrate.MigrationException;
import io.toasty.migrate.files.MigrationFile;
import io.toasty.migrate.files.Step;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies and rolls back one SQL backend's migrations on one connection, under the backend's
 * lock. Where DDL is transactional, each migration and its history row commit together (and
 * SQLite re-reads the history inside that write transaction); elsewhere each step commits on its
 * own and the history row records how many steps are in effect, so that a failed migration is
 * resumed by the next apply or undone by a rollback.
 */
public final class SqlMigrator implements MigrationRuns {
  private final SqlChoices choices;
  private final SqlSession session;
  private final SqlHistory history;
  private final SqlLock lock;

  public SqlMigrator(SqlChoices choices, Connection connection) {
    this.choices = choices;
    this.session = new SqlSession(connection);
    this.history = new SqlHistory(session, choices);
    this.lock = new SqlLock(session, choices);
  }

  /** The history rows. */
  public Mono<List<HistoryRow>> history() {
    return history.create().then(history.rows());
  }

  @Override
  public Mono<List<Integer>> apply(List<MigrationFile> files, int target, StepRunner steps) {
    return locked(history.rows()
        .map(rows -> Pending.toApply(files, rows).stream()
            .filter(p -> p.file().version() <= target).toList())
        .flatMapMany(pending -> Flux.fromIterable(pending).concatMap(p -> applyOne(p, steps)))
        .collectList());
  }

  @Override
  public Mono<List<Integer>> rollback(List<MigrationFile> files, int target,
      StepRunner steps) {
    return locked(history.rows()
        .map(rows -> Pending.toUndo(files, rows, target))
        .flatMapMany(undo -> Flux.fromIterable(undo).concatMap(u -> undoOne(u, steps)))
        .collectList());
  }

  /**
   * {@code work} with the lock held and the history table made; the lock freed on completion,
   * error and cancel, before the connection goes back to the pool (a session lock would
   * otherwise stay with the pooled connection).
   */
  private <T> Mono<T> locked(Mono<T> work) {
    // The history table is made under the lock: two instances creating it at once race even
    // with IF NOT EXISTS (PostgreSQL's catalog then refuses the second with a unique violation).
    return Mono.usingWhen(lock.acquire().thenReturn(lock), l -> history.create().then(work),
        SqlLock::release, (l, e) -> l.release(), SqlLock::release);
  }

  // ---- apply ---------------------------------------------------------------------------------

  private Mono<Integer> applyOne(Pending.ToApply p, StepRunner steps) {
    MigrationFile f = p.file();
    if (choices.transactionalDdl()) {
      Mono<Integer> work = history.rows()
          .flatMap(rows -> isApplied(rows, f.version()) ? session.commit().then(Mono.empty())
              : steps.run(f, f.up(), 0, false, session::update, null)
                  .then(history.insert(f.version(), f.name(), f.checksum(), f.up().size(), true))
                  .then(foreignKeyCheck(f))
                  .then(session.commit())
                  .thenReturn(f.version()));
      return enforcementOff(session.begin().then(work.onErrorResume(e -> session.rollback()
          .onErrorResume(x -> Mono.empty()).then(Mono.error(e)))));
    }
    Mono<Void> start = p.resumed() ? Mono.empty()
        : history.insert(f.version(), f.name(), f.checksum(), 0, false);
    return start.then(steps.run(f, f.up(), p.fromStep(), false, session::update,
            i -> history.progress(f.version(), i + 1, false)))
        .then(history.progress(f.version(), f.up().size(), true))
        .thenReturn(f.version());
  }

  /**
   * {@code migration} with foreign key enforcement off where the dialect rebuilds tables
   * (SQLite: its DROP TABLE of a rebuilt table would delete the rows referring to it, and its
   * PRAGMA takes effect only outside a transaction), on again on every path after it.
   */
  private <T> Mono<T> enforcementOff(Mono<T> migration) {
    if (!choices.checksForeignKeysAtCommit()) {
      return migration;
    }
    Mono<Void> on = session.update("PRAGMA foreign_keys = ON").then();
    return Mono.usingWhen(session.update("PRAGMA foreign_keys = OFF"), x -> migration,
        x -> on, (x, e) -> on, x -> on);
  }

  /**
   * Where enforcement is off during a migration, every foreign key checked before it commits:
   * rows referring to nothing fail it, and it rolls back.
   */
  private Mono<Void> foreignKeyCheck(MigrationFile f) {
    if (!choices.checksForeignKeysAtCommit()) {
      return Mono.empty();
    }
    return session.query("PRAGMA foreign_key_check", List.of(Type.Scalar.STRING,
            Type.Scalar.I64, Type.Scalar.STRING))
        .collectList()
        .flatMap(rows -> rows.isEmpty() ? Mono.<Void>empty()
            : Mono.error(new MigrationException("migration V" + f.version()
                + " (" + f.name() + ") would leave " + rows.size() + " row(s) referring to no "
                + "row: " + describe(rows) + "; fix or delete them (or declare the relation "
                + "@BelongsTo.Unchecked) and apply again: nothing of it was kept", null)));
  }

  /** {@code posts (rowid 3) -> authors, ..}: the first few rows that refer to nothing. */
  private static String describe(List<Value.Record> rows) {
    return String.join(", ", rows.stream().limit(5).map(r -> ((Value.Str)
        r.get(0)).value() + " (rowid " + r.get(1) + ") -> " + ((Value.Str)
        r.get(2)).value()).toList()) + (rows.size() > 5 ? ", .." : "");
  }

  private static boolean isApplied(List<HistoryRow> rows, int version) {
    Optional<HistoryRow> row = rows.stream().filter(r -> r.version() == version).findFirst();
    return row.isPresent() && row.get().complete();
  }

  // ---- rollback ------------------------------------------------------------------------------

  private Mono<Integer> undoOne(Pending.ToUndo u, StepRunner steps) {
    MigrationFile f = u.file();
    List<Step> down = f.down();
    int first = down.size() - u.stepsDone();
    if (choices.transactionalDdl()) {
      Mono<Integer> work = steps.run(f, down, first, true, session::update, null)
          .then(history.delete(f.version()))
          .then(foreignKeyCheck(f))
          .then(session.commit())
          .thenReturn(f.version());
      return enforcementOff(session.begin().then(work.onErrorResume(e -> session.rollback()
          .onErrorResume(x -> Mono.empty()).then(Mono.error(e)))));
    }
    // Each undone step lowers the count of up steps in effect, so a failed rollback resumes.
    return history.progress(f.version(), u.stepsDone(), false)
        .then(steps.run(f, down, first, true, session::update,
            i -> history.progress(f.version(), down.size() - i - 1, false)))
        .then(history.delete(f.version()))
        .thenReturn(f.version());
  }
}
