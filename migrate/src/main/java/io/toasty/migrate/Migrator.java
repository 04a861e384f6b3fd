package io.toasty.migrate;

import io.toasty.UnsupportedFeatureException;
import io.toasty.migrate.apply.HistoryRow;
import io.toasty.migrate.apply.SqlMigrator;
import io.toasty.migrate.files.MigrationDirectory;
import io.toasty.migrate.files.MigrationFile;
import io.toasty.migrate.files.ScriptFormat;
import io.toasty.migrate.live.LiveTable;
import io.toasty.migrate.live.SqlCatalog;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.reactive.Db;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Applies and rolls back a folder's migrations on a {@link Db}, for application start-up:
 *
 * <pre>{@code
 * Migrator.of(db, Path.of("db/migration")).apply()      // Mono<List<Integer>>: versions applied
 *     .then(startServer());
 * }</pre>
 *
 * <p>The Db's backend picks its folder ({@code postgresql/}, {@code mariadb/}, {@code h2/},
 * {@code sqlite/}, {@code dynamodb/}). A run holds one connection of the Db's pool and the
 * backend's migration lock, so that instances starting at once apply each migration once. A
 * migration whose file changed after it was applied stops the run with a
 * {@link ChecksumMismatchException} before anything is applied; a failed step is a
 * {@link MigrationFailedException}, after which the history says what is in effect.
 */
public final class Migrator {
  private final Db db;
  private final MigrationDirectory directory;

  private Migrator(Db db, MigrationDirectory directory) {
    this.db = db;
    this.directory = directory;
  }

  /** A migrator of the migrations in {@code root} for {@code db}. */
  public static Migrator of(Db db, Path root) {
    return new Migrator(Objects.requireNonNull(db, "db"),
        new MigrationDirectory(Objects.requireNonNull(root, "root")));
  }

  /** Applies every pending migration in version order; the versions this call applied. */
  public Mono<List<Integer>> apply() {
    return apply(Integer.MAX_VALUE);
  }

  /** Applies the pending migrations up to {@code targetVersion}; the versions applied. */
  public Mono<List<Integer>> apply(int targetVersion) {
    return run((backend, files) -> backend.apply(files, targetVersion));
  }

  /** Undoes the applied migrations above {@code targetVersion}, newest first; their versions. */
  public Mono<List<Integer>> rollback(int targetVersion) {
    return run((backend, files) -> backend.rollback(files, targetVersion));
  }

  /** The database's history rows, by version. */
  public Mono<List<HistoryRow>> history() {
    return run((backend, files) -> backend.history());
  }

  /**
   * The table called {@code table} as the database describes it now (columns with the
   * database's own type names, indexes), or empty when it does not exist: the live schema.
   */
  public Mono<Optional<LiveTable>> describe(String table) {
    return run((backend, files) -> backend.describe(table));
  }

  private <T> Mono<T> run(Work<T> work) {
    String backend = db.capability().backend();
    Optional<SqlChoices> sql = SqlChoices.of(backend);
    if (sql.isPresent()) {
      SqlChoices choices = sql.get();
      return files(choices.folder(), ScriptFormat.SQL).flatMap(files ->
          db.schema().withConnection(c -> work.on(new SqlBackend(new SqlMigrator(choices, c),
              new SqlCatalog(choices, c)), files)).next());
    }
    Optional<MigrationBackend> other = OtherBackends.of(db);
    if (other.isPresent()) {
      MigrationBackend b = other.get();
      return files(b.folder(), b.format()).flatMap(files -> work.on(b, files));
    }
    return Mono.error(new UnsupportedFeatureException(io.toasty.Feature.MIGRATIONS, backend,
        "no migration files are written for this backend"));
  }

  private Mono<List<MigrationFile>> files(String folder, ScriptFormat format) {
    // Reading files blocks: off the Reactor threads.
    return Mono.fromCallable(() -> directory.migrations(folder, format))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private interface Work<T> {
    Mono<T> on(MigrationBackend backend, List<MigrationFile> files);
  }

  private record SqlBackend(SqlMigrator m, SqlCatalog catalog) implements MigrationBackend {
    @Override public Mono<Optional<LiveTable>> describe(String table) {
      return catalog.table(table);
    }
    @Override public String folder() { return ""; }
    @Override public ScriptFormat format() { return ScriptFormat.SQL; }
    @Override public Mono<List<Integer>> apply(List<MigrationFile> files, int target) {
      return m.apply(files, target);
    }
    @Override public Mono<List<Integer>> rollback(List<MigrationFile> files, int target) {
      return m.rollback(files, target);
    }
    @Override public Mono<List<HistoryRow>> history() {
      return m.history();
    }
  }
}
