package io.toasty.tck;

import io.toasty.driver.Capability;
import io.toasty.reactive.Db;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * SQLite through the sqlite-bridge: each scenario run gets a database file of its own in the
 * temporary directory (WAL journal, so readers do not wait for a writer as they would in a
 * shared-cache in-memory database), deleted after the run. The bridge stores date-times as ISO
 * text with nanoseconds.
 */
final class SqliteFileBackend implements Backend {
  static final SqliteFileBackend INSTANCE = new SqliteFileBackend();

  private final Path directory = Path.of(System.getProperty("java.io.tmpdir"));

  private SqliteFileBackend() {}

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public Capability capability() {
    return Capability.SQLITE;
  }

  @Override
  public ChronoUnit timePrecision() {
    return ChronoUnit.NANOS;
  }

  private Path file(String database) {
    return directory.resolve(database + ".db").toAbsolutePath();
  }

  private String url(String database) {
    return "r2dbc:sqlite:///" + file(database);
  }

  @Override
  public Db open(Request request) {
    return request.openUrl(url(request.database()));
  }

  @Override
  public Mono<Void> dispose(String database) {
    return Mono.<Void>fromRunnable(() -> {
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        try {
          Files.deleteIfExists(Path.of(file(database) + suffix));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public boolean empties() {
    return true;
  }

  /**
   * DELETE from each table, and the AUTOINCREMENT counters ({@code sqlite_sequence}) restarted,
   * in one transaction: one write of the journal.
   */
  @Override
  public Mono<Void> empty(String database) {
    return SqlEmptying.empty(RawSql.connect(url(database)), "SELECT name FROM sqlite_master "
        // sqlite_sequence exists once a table has an AUTOINCREMENT key
        + "WHERE type = 'table' AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence')",
        tables -> {
          List<String> sql = new ArrayList<>();
          sql.add("BEGIN");
          // foreign keys are checked at COMMIT, when every table is empty, not per DELETE
          sql.add("PRAGMA defer_foreign_keys = ON");
          tables.forEach(t -> sql.add("DELETE FROM \"" + t.replace("\"", "\"\"") + '"'));
          sql.add("COMMIT");
          return sql;
        });
  }

  @Override
  public Mono<Void> executeSql(String database, String sql) {
    return RawSql.execute(url(database), sql);
  }

  @Override
  public Mono<Void> executeScript(String database, List<String> statements) {
    return RawSql.executeAll(url(database), statements);
  }

  @Override
  public String toString() {
    return "sqlite";
  }
}
