package io.toasty.tck;

import io.toasty.driver.Capability;
import io.toasty.reactive.Db;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * H2 in memory: a database per name, kept while no connection is open to it
 * ({@code DB_CLOSE_DELAY=-1}), so that the harness can keep it between runs and empty it;
 * {@link #dispose} shuts it down. The driver declares times as {@code TIMESTAMP(9)} and
 * {@code TIME(9)}: nanoseconds are kept.
 */
final class H2MemBackend implements Backend {
  static final H2MemBackend INSTANCE = new H2MemBackend();

  private H2MemBackend() {}

  private static String url(String database) {
    return "r2dbc:h2:mem:///" + database + "?DB_CLOSE_DELAY=-1";
  }

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public Capability capability() {
    return Capability.H2;
  }

  @Override
  public ChronoUnit timePrecision() {
    return ChronoUnit.NANOS;
  }

  @Override
  public Db open(Request request) {
    return request.openUrl(url(request.database()));
  }

  /** Shuts the database down: without a delay to wait for, that frees it. */
  @Override
  public Mono<Void> dispose(String database) {
    return Mono.usingWhen(RawSql.connect(url(database)),
        c -> Mono.from(c.createStatement("SHUTDOWN").execute()).then(),
        // the shutdown closed the session already
        c -> Mono.from(c.close()).onErrorResume(e -> Mono.empty()));
  }

  @Override
  public boolean empties() {
    return true;
  }

  /** TRUNCATE .. RESTART IDENTITY each table, referential checks (a scenario's own) off. */
  @Override
  public Mono<Void> empty(String database) {
    return SqlEmptying.empty(RawSql.connect(url(database)), "SELECT TABLE_NAME FROM "
        + "INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'",
        tables -> {
          List<String> sql = new ArrayList<>();
          sql.add("SET REFERENTIAL_INTEGRITY FALSE");
          tables.forEach(t -> sql.add("TRUNCATE TABLE " + quoteIdentifier(t)
              + " RESTART IDENTITY"));
          sql.add("SET REFERENTIAL_INTEGRITY TRUE");
          return sql;
        });
  }

  @Override
  public Mono<Void> executeSql(String database, String sql) {
    return RawSql.execute(url(database), sql);
  }

  /**
   * Sessions holding uncommitted changes while no statement runs on them: H2 lists no
   * transaction that has not written yet, so a begun one that only read is not seen.
   */
  @Override
  public Mono<Integer> idleInTransaction(String database) {
    return RawSql.count(url(database), "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS "
        + "WHERE CONTAINS_UNCOMMITTED AND EXECUTING_STATEMENT IS NULL").map(Long::intValue);
  }

  @Override
  public Mono<String> idleInTransactionDetail(String database) {
    return Mono.usingWhen(RawSql.connect(url(database)),
        c -> Flux.from(c.createStatement("SELECT SESSION_ID, SESSION_START, ISOLATION_LEVEL, "
                + "SESSION_STATE, SLEEP_SINCE FROM INFORMATION_SCHEMA.SESSIONS "
                + "WHERE CONTAINS_UNCOMMITTED AND EXECUTING_STATEMENT IS NULL").execute())
            .concatMap(r -> r.map((row, meta) -> row.get(0) + " | " + row.get(1) + " | "
                + row.get(2) + " | " + row.get(3) + " | " + row.get(4)))
            .collectList().map(lines -> String.join("; ", lines)),
        c -> Mono.from(c.close()));
  }

  @Override
  public Mono<Long> runningStatements(String database, String prefix) {
    return RawSql.count(url(database), "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS "
        + "WHERE EXECUTING_STATEMENT LIKE '" + prefix + "%'");
  }

  @Override
  public String toString() {
    return name();
  }
}
