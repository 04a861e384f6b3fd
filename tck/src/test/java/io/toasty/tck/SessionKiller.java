package io.toasty.tck;

import io.r2dbc.spi.Connection;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How an operator ends the sessions a server has open to one database, on an admin connection
 * of its own: what {@link Backend#killSessions} does on a server backend.
 */
interface SessionKiller {

  /** Ends the sessions open to {@code database} that are {@code which}; answers how many. */
  Mono<Integer> kill(Connection admin, String database, Sessions which);

  /** Ends session {@code id}; answers 1, or 0 where it was gone already. */
  Mono<Integer> killOne(Connection admin, long id);

  /** The SQL text answering the current session's id. */
  String sessionIdQuery();

  /** The statements that prepare {@code table} of {@code database} for {@link #holdCommits}. */
  List<String> gateCommits(String database, String table);

  /** The statements, on one admin session, that hold back the gated commits. */
  List<String> holdCommits(String database);

  /** The statements, on the same admin session, that let the held commits go on. */
  List<String> releaseCommits(String database);

  /** The SQL text counting the sessions of {@code database} idle inside a transaction. */
  String idleInTransaction(String database);

  /**
   * The SQL text listing the sessions {@link #idleInTransaction} counts, every column as text:
   * what the server tells of each (state, transaction start, last statement).
   */
  String idleInTransactionDetail(String database);

  /** The advisory lock key of {@code database}'s commit gate (PostgreSQL). */
  private static long gateKey(String database) {
    return 46_000_000L + (database.hashCode() & 0xffffff);
  }

  /**
   * PostgreSQL: {@code pg_terminate_backend} of the sessions whose application name is the
   * database's (the TCK's URL sets it); a session is busy unless its state is {@code idle} (a
   * transaction between statements is {@code idle in transaction}). The server answers true for
   * each session it signalled.
   */
  SessionKiller POSTGRESQL = new SessionKiller() {
    @Override
    public Mono<Integer> kill(Connection admin, String database, Sessions which) {
      return terminate(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
          + "application_name = '" + database + "'" + switch (which) {
            case ALL -> "";
            case BUSY -> " AND state <> 'idle'";
            case IDLE -> " AND state = 'idle'";
          });
    }

    @Override
    public Mono<Integer> killOne(Connection admin, long id) {
      return terminate(admin, "SELECT pg_terminate_backend(" + id + ")");
    }

    @Override
    public String sessionIdQuery() {
      return "SELECT pg_backend_pid()";
    }

    /**
     * A deferred constraint trigger runs at COMMIT, inside it: it waits there for a shared
     * advisory lock that {@link #holdCommits} holds exclusively.
     */
    @Override
    public List<String> gateCommits(String database, String table) {
      String function = database + ".toasty_commit_gate";
      return List.of("CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger "
              + "LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock_shared("
              + SessionKiller.gateKey(database) + "); RETURN NULL; END $$",
          "DROP TRIGGER IF EXISTS toasty_commit_gate ON " + database + ".\"" + table + "\"",
          "CREATE CONSTRAINT TRIGGER toasty_commit_gate AFTER INSERT ON " + database + ".\""
              + table + "\" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "
              + function + "()");
    }

    @Override
    public List<String> holdCommits(String database) {
      return List.of("SELECT pg_advisory_lock(" + SessionKiller.gateKey(database) + ")");
    }

    @Override
    public List<String> releaseCommits(String database) {
      return List.of("SELECT pg_advisory_unlock(" + SessionKiller.gateKey(database) + ")");
    }

    @Override
    public String idleInTransaction(String database) {
      return "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + database
          + "' AND state LIKE 'idle in transaction%'";
    }

    @Override
    public String idleInTransactionDetail(String database) {
      return "SELECT pid::text, state, xact_start::text, state_change::text, query "
          + "FROM pg_stat_activity WHERE application_name = '" + database
          + "' AND state LIKE 'idle in transaction%'";
    }

    private Mono<Integer> terminate(Connection admin, String sql) {
      return Flux.from(admin.createStatement(sql).execute())
          .concatMap(r -> r.map((row, meta) -> Boolean.TRUE.equals(row.get(0, Boolean.class))))
          .filter(Boolean::booleanValue).count().map(Long::intValue);
    }
  };

  /**
   * MariaDB: {@code KILL} of the process-list entries on the database; a session is busy while
   * it runs a command or has an InnoDB transaction open, as on PostgreSQL (a stream read from a
   * cursor over Vert.x is between fetches in its own transaction, and shows {@code Sleep}). A
   * transaction between statements shows {@code Sleep} like an idle session, and
   * {@code information_schema.innodb_trx}, which tells them apart, is a cache refreshed at most
   * every 100 ms, so it may miss one that just began: a busy kill that found none looks once
   * more after that (the streams it ends wait for it), and scenarios that kill a transaction
   * kill it by its id. A session that ends between the list and its kill (the pool closed it) is not an
   * error: it is gone, which is what the kill was for, and it is not counted.
   */
  SessionKiller MARIADB = new SessionKiller() {
    /** Past the refresh interval of {@code information_schema.innodb_trx}'s cache. */
    private static final Duration INNODB_TRX_REFRESH = Duration.ofMillis(150);

    @Override
    public Mono<Integer> kill(Connection admin, String database, Sessions which) {
      Mono<List<Long>> ids = Flux.from(admin.createStatement("SELECT id FROM "
              + "information_schema.processlist WHERE db = '" + database + "'" + switch (which) {
                case ALL -> "";
                case BUSY -> " AND (command <> 'Sleep' OR id IN (SELECT trx_mysql_thread_id"
                    + " FROM information_schema.innodb_trx))";
                case IDLE -> " AND command = 'Sleep'";
              }).execute())
          .concatMap(r -> r.map((row, meta) -> ((Number) row.get(0)).longValue()))
          .collectList();
      Mono<List<Long>> found = which != Sessions.BUSY ? ids
          : ids.flatMap(list -> !list.isEmpty() ? Mono.just(list)
              : Mono.delay(INNODB_TRX_REFRESH).then(ids));
      return found.flatMapMany(Flux::fromIterable)
          .concatMap(id -> killOne(admin, id))
          .reduce(0, Integer::sum);
    }

    @Override
    public Mono<Integer> killOne(Connection admin, long id) {
      return Flux.from(admin.createStatement("KILL " + id).execute())
          .concatMap(r -> r.getRowsUpdated()).then(Mono.just(1))
          .onErrorResume(e -> String.valueOf(e.getMessage()).contains("Unknown thread id"),
              e -> Mono.just(0));
    }

    @Override
    public String sessionIdQuery() {
      return "SELECT CONNECTION_ID()";
    }

    /** Nothing to prepare: {@code BACKUP STAGE BLOCK_COMMIT} holds every COMMIT. */
    @Override
    public List<String> gateCommits(String database, String table) {
      return List.of();
    }

    /** Server-wide, as MariaDB has no narrower hold on COMMIT: held for moments only. */
    @Override
    public List<String> holdCommits(String database) {
      return List.of("BACKUP STAGE START", "BACKUP STAGE BLOCK_COMMIT");
    }

    @Override
    public List<String> releaseCommits(String database) {
      return List.of("BACKUP STAGE END");
    }

    /**
     * An InnoDB transaction on a session that runs no command. {@code innodb_trx} is a cache
     * refreshed at most every 100 ms: a transaction that ended just now may still be listed, so
     * callers wait for the count to reach 0 rather than read it once.
     */
    @Override
    public String idleInTransaction(String database) {
      return "SELECT count(*) FROM information_schema.innodb_trx t JOIN "
          + "information_schema.processlist p ON p.id = t.trx_mysql_thread_id "
          + "WHERE p.db = '" + database + "' AND p.command = 'Sleep'";
    }

    @Override
    public String idleInTransactionDetail(String database) {
      return "SELECT CAST(p.id AS CHAR), CAST(p.time AS CHAR), t.trx_state, "
          + "CAST(t.trx_started AS CHAR), CAST(t.trx_rows_locked AS CHAR), "
          + "CAST(t.trx_rows_modified AS CHAR), t.trx_is_read_only, t.trx_query, p.info "
          + "FROM information_schema.innodb_trx t JOIN information_schema.processlist p "
          + "ON p.id = t.trx_mysql_thread_id WHERE p.db = '" + database
          + "' AND p.command = 'Sleep'";
    }
  };
}
