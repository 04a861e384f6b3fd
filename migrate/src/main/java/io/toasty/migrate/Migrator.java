package io.toasty.migrate;

import io.toasty.Feature;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.migrate.apply.HistoryRow;
import io.toasty.migrate.apply.MigrationRuns;
import io.toasty.migrate.apply.MigrationStatus;
import io.toasty.migrate.apply.ServerChoices;
import io.toasty.migrate.apply.SqlMigrator;
import io.toasty.migrate.apply.StepRunner;
import io.toasty.migrate.diff.DriftReport;
import io.toasty.migrate.diff.LiveDiff;
import io.toasty.migrate.files.MigrationDirectory;
import io.toasty.migrate.files.MigrationFile;
import io.toasty.migrate.files.MigrationSource;
import io.toasty.migrate.files.ScriptFormat;
import io.toasty.migrate.live.LiveShape;
import io.toasty.migrate.live.LiveTable;
import io.toasty.migrate.live.SqlCatalog;
import io.toasty.migrate.live.SqlShape;
import io.toasty.migrate.render.SqlChoices;
import io.toasty.migrate.snapshot.SchemaSnapshot;
import io.toasty.migrate.snapshot.Snapshots;
import io.toasty.reactive.Db;
import io.toasty.schema.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
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
 * <p>The Db's backend picks its folder ({@code postgresql/}, {@code mariadb/}, {@code mysql/},
 * {@code h2/}, {@code sqlite/}, {@code dynamodb/}); behind an {@code r2dbc:mysql:} URL the server
 * answers, so that MariaDB reads {@code mariadb/}. A run holds one connection of the Db's pool and the
 * backend's migration lock, so that instances starting at once apply each migration once. A
 * migration whose file changed after it was applied stops the run with a
 * {@link ChecksumMismatchException} before anything is applied; a failed step is a
 * {@link MigrationFailedException}, after which the history says what is in effect.
 */
public final class Migrator {
  /** How often a long step ticks by default. */
  private static final Duration TICK = Duration.ofSeconds(1);

  private final Db db;
  private final MigrationSource directory;
  private final StepRunner steps;

  private Migrator(Db db, MigrationSource directory, StepRunner steps) {
    this.db = db;
    this.directory = directory;
    this.steps = steps;
  }

  /** A migrator of the migrations in {@code root} for {@code db}. */
  public static Migrator of(Db db, Path root) {
    return new Migrator(Objects.requireNonNull(db, "db"),
        new MigrationDirectory(Objects.requireNonNull(root, "root")), StepRunner.SILENT);
  }

  /**
   * A migrator of the migrations {@code source} holds for {@code db}: a folder, or the class
   * path ({@code Migrator.of(db, ClasspathMigrations.of("db/migration"))}, also inside a jar).
   */
  public static Migrator of(Db db, MigrationSource source) {
    return new Migrator(Objects.requireNonNull(db, "db"), Objects.requireNonNull(source,
        "source"), StepRunner.SILENT);
  }

  /**
   * This migrator, telling {@code listener} of each step that its applies and rollbacks run
   * ({@link MigrationEvent}: started, a tick each second while it runs, done or failed). The
   * listener is called on the run's threads, one event at a time; it must not block. What it
   * throws fails the run.
   */
  public Migrator onProgress(Consumer<MigrationEvent> listener) {
    return onProgress(listener, TICK);
  }

  /** As {@link #onProgress(Consumer)}, ticking every {@code tick} while a step runs. */
  public Migrator onProgress(Consumer<MigrationEvent> listener, Duration tick) {
    Objects.requireNonNull(tick, "tick");
    if (tick.isNegative() || tick.isZero()) {
      throw new IllegalArgumentException("tick must be positive, not " + tick);
    }
    return new Migrator(db, directory, new StepRunner(listener, tick));
  }

  /** Applies every pending migration in version order; the versions this call applied. */
  public Mono<List<Integer>> apply() {
    return apply(Integer.MAX_VALUE);
  }

  /** Applies the pending migrations up to {@code targetVersion}; the versions applied. */
  public Mono<List<Integer>> apply(int targetVersion) {
    return run((backend, files) -> backend.runs().apply(files, targetVersion, steps));
  }

  /** Undoes the applied migrations above {@code targetVersion}, newest first; their versions. */
  public Mono<List<Integer>> rollback(int targetVersion) {
    return run((backend, files) -> backend.runs().rollback(files, targetVersion, steps));
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

  /**
   * Where the database stands against the folder: each version applied, pending, partly applied,
   * edited since it was applied (checksum mismatch) or missing from the folder. Unlike
   * {@link #apply()}, a mismatch is reported, not raised.
   */
  public Mono<MigrationStatus> status() {
    return run((backend, files) -> backend.history().map(h -> MigrationStatus.of(files, h)));
  }

  /**
   * What differs between {@code schema} (the models) and the live database: missing and extra
   * tables, columns and indexes, column types (compared in each database's canonical type
   * names), nullability and defaults (compared by value). On DynamoDB, where only keys have
   * types, the key attributes and the GSIs are compared. Tables no model has are reported too;
   * see {@link DriftReport#ignoringExtraTables()}.
   */
  public Mono<DriftReport> drift(Schema schema) {
    SchemaSnapshot models = Snapshots.of(Objects.requireNonNull(schema, "schema"));
    return run((backend, files) -> Flux.fromIterable(models.tables())
        .concatMap(t -> backend.describe(t.name()).map(live -> Map.entry(t.name(), live)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .zipWith(backend.tables(),
            (live, tables) -> LiveDiff.between(models, live, tables, backend.shape())));
  }

  private <T> Mono<T> run(Work<T> work) {
    String backend = db.capability().backend();
    Optional<SqlChoices> sql = SqlChoices.of(backend);
    if (sql.isPresent()) {
      // The server picks the folder (MariaDB behind an r2dbc:mysql: URL), on the run's connection.
      return db.schema().withConnection(c -> ServerChoices.of(sql.get(), c).flatMap(choices ->
          files(choices.folder(), ScriptFormat.SQL).flatMap(files -> work.on(new SqlBackend(
              new SqlMigrator(choices, c), new SqlCatalog(choices, c), choices), files)))).next();
    }
    Optional<MigrationBackend> other = OtherBackends.of(db);
    if (other.isPresent()) {
      MigrationBackend b = other.get();
      return files(b.folder(), b.format()).flatMap(files -> work.on(b, files));
    }
    return Mono.error(new UnsupportedFeatureException(Feature.MIGRATIONS, backend,
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

  private record SqlBackend(SqlMigrator m, SqlCatalog catalog, SqlChoices choices) implements MigrationBackend {
    @Override public Mono<Optional<LiveTable>> describe(String table) {
      return catalog.table(table);
    }
    @Override public Mono<List<String>> tables() {
      return catalog.tables();
    }
    @Override public LiveShape shape() {
      return new SqlShape(choices);
    }
    @Override public String folder() { return ""; }
    @Override public ScriptFormat format() { return ScriptFormat.SQL; }
    @Override public MigrationRuns runs() {
      return m;
    }
    @Override public Mono<List<HistoryRow>> history() {
      return m.history();
    }
  }
}
