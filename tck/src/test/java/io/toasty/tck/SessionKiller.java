package io.toasty.tck;

import io.r2dbc.spi.Connection;
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

    private Mono<Integer> terminate(Connection admin, String sql) {
      return Flux.from(admin.createStatement(sql).execute())
          .concatMap(r -> r.map((row, meta) -> Boolean.TRUE.equals(row.get(0, Boolean.class))))
          .filter(Boolean::booleanValue).count().map(Long::intValue);
    }
  };

  /**
   * MariaDB: {@code KILL} of the process-list entries on the database; a session is busy while
   * it runs a command. (A transaction between statements shows {@code Sleep} like an idle
   * session, and {@code information_schema.innodb_trx}, which would tell them apart, is a cache
   * refreshed at most every 100 ms: scenarios that kill a transaction kill it by its id.) A
   * session that ends between the list and its kill (the pool closed it) is not an error: it is
   * gone, which is what the kill was for, and it is not counted.
   */
  SessionKiller MARIADB = new SessionKiller() {
    @Override
    public Mono<Integer> kill(Connection admin, String database, Sessions which) {
      return Flux.from(admin.createStatement("SELECT id FROM information_schema.processlist "
              + "WHERE db = '" + database + "'" + switch (which) {
                case ALL -> "";
                case BUSY -> " AND command <> 'Sleep'";
                case IDLE -> " AND command = 'Sleep'";
              }).execute())
          .concatMap(r -> r.map((row, meta) -> ((Number) row.get(0)).longValue()))
          .collectList()
          .flatMapMany(Flux::fromIterable)
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
  };
}
