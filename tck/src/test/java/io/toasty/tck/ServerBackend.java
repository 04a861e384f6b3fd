package io.toasty.tck;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Result;
import io.toasty.ModelDef;
import io.toasty.driver.Capability;
import io.toasty.r2dbc.R2dbcDrivers;
import io.toasty.reactive.Db;
import io.toasty.reactive.DbBuilder;
import io.toasty.reactive.Toasty;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A backend on a database server. Each scenario run gets a database of its own on it, made before
 * the run and dropped after: a schema on PostgreSQL (selected with the URL's {@code schema}
 * option), a database on MariaDB. The servers' URLs default to the local services and can be set
 * with the system properties {@code toasty.tck.postgresql} and {@code toasty.tck.mariadb}.
 */
final class ServerBackend implements Backend {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final Capability capability;
  private final ChronoUnit timePrecision;
  private final String serverUrl;
  private final Function<String, String> databaseUrl;
  private final Function<String, String> create;
  private final Function<String, String> drop;
  /** The SQL that lists a database's tables, and the statements that empty them. */
  private final Function<String, String> tables;
  private final BiFunction<String, List<String>, List<String>> emptying;
  private final char quote;
  private final Function<String, String> countConnections;
  private final BiFunction<String, String, String> countRunning;
  private final SessionKiller killer;
  /** Whether each Db runs on an application's r2dbc-pool rather than on its own. */
  private final boolean applicationPools;
  /**
   * The URL each Db is opened with, from its database's R2DBC URL: that URL itself, or on
   * another transport (Vert.x) its form there; the harness's own sessions stay on R2DBC.
   */
  private final Function<String, String> transport;
  /** The application pools of the open databases, closed by {@link #dispose}. */
  private final Map<String, ConnectionPool> pools =
      new ConcurrentHashMap<>();
  private volatile ConnectionPool admin;
  /** The sessions {@link #admin} pools. */
  private volatile ConnectionFactory adminSessions;

  private ServerBackend(String name, Capability capability, ChronoUnit timePrecision,
      String serverUrl, Function<String, String> databaseUrl, Function<String, String> create,
      Function<String, String> drop, Function<String, String> tables,
      BiFunction<String, List<String>, List<String>> emptying, char quote,
      Function<String, String> countConnections,
      BiFunction<String, String, String> countRunning, SessionKiller killer,
      boolean applicationPools, Function<String, String> transport) {
    this.name = name;
    this.capability = capability;
    this.timePrecision = timePrecision;
    this.serverUrl = serverUrl;
    this.databaseUrl = databaseUrl;
    this.create = create;
    this.drop = drop;
    this.tables = tables;
    this.emptying = emptying;
    this.quote = quote;
    this.countConnections = countConnections;
    this.countRunning = countRunning;
    this.killer = killer;
    this.applicationPools = applicationPools;
    this.transport = transport;
  }

  /**
   * This server, each {@code Db} on an r2dbc-pool of the application's own (as a Spring Boot
   * application's {@code ConnectionFactory} bean, built as the starters build it: sessions that
   * can be given up, a max acquire time) through {@code R2dbcDrivers.onConnectionFactory}. A
   * backend on another transport (Vert.x) is itself: it has no such pool.
   */
  ServerBackend onApplicationPools() {
    if (!transport.apply(serverUrl).equals(serverUrl)) {
      return this;
    }
    return new ServerBackend(name, capability, timePrecision, serverUrl, databaseUrl, create,
        drop, tables, emptying, quote, countConnections, countRunning, killer, true, transport);
  }

  /** PostgreSQL: a schema per run in the server URL's database; microsecond times. */
  static ServerBackend postgresql() {
    return postgresql("postgresql", Capability.POSTGRESQL, url -> url);
  }

  /**
   * PostgreSQL over the Vert.x transport ({@code vertx:postgresql:} URLs): the same server and
   * schemas as {@link #postgresql()}; PostgreSQL's capability less change streams, which that
   * transport does not follow yet.
   */
  static ServerBackend vertxPostgresql() {
    return postgresql("vertx-postgresql", Capability.POSTGRESQL.withChangeStreams(false),
        url -> "vertx:" + url.substring("r2dbc:".length()));
  }

  private static ServerBackend postgresql(String name, Capability capability,
      Function<String, String> transport) {
    String server = System.getProperty("toasty.tck.postgresql",
        "r2dbc:postgresql://postgres@127.0.0.1:5432/test");
    return new ServerBackend(name, capability, ChronoUnit.MICROS, server,
        // the application name tells the server's process list which connections are this run's
        database -> server + (server.contains("?") ? "&" : "?") + "schema=" + database
            + "&applicationName=" + database,
        // IF NOT EXISTS: a kept schema is opened again (see empties)
        database -> "CREATE SCHEMA IF NOT EXISTS " + database,
        database -> "DROP SCHEMA IF EXISTS " + database + " CASCADE",
        database -> "SELECT tablename::text FROM pg_tables WHERE schemaname = '" + database + "'",
        // one statement: every table at once, identities restarted
        (database, names) -> List.of("TRUNCATE " + names.stream()
            .map(t -> database + ".\"" + t.replace("\"", "\"\"") + '"')
            .collect(Collectors.joining(", ")) + " RESTART IDENTITY CASCADE"), '"',
        database -> "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
            + database + "'",
        (database, prefix) -> "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
            + database + "' AND state = 'active' AND query LIKE '" + prefix + "%'",
        SessionKiller.POSTGRESQL, false, transport);
  }

  /** MariaDB: a database per run; microsecond DATETIME(6)/TIME(6). */
  static ServerBackend mariadb() {
    return mariadb("mariadb", url -> url);
  }

  /**
   * MariaDB over the Vert.x transport ({@code vertx:mariadb:} URLs): the same server and
   * databases as {@link #mariadb()}, and MariaDB's capability (it has no change streams on
   * either transport).
   */
  static ServerBackend vertxMariadb() {
    return mariadb("vertx-mariadb", url -> "vertx:" + url.substring("r2dbc:".length()));
  }

  private static ServerBackend mariadb(String name, Function<String, String> transport) {
    String server = System.getProperty("toasty.tck.mariadb",
        "r2dbc:mariadb://root@127.0.0.1:3306/test");
    String base = server.substring(0, server.lastIndexOf('/') + 1);
    return new ServerBackend(name, Capability.MARIADB, ChronoUnit.MICROS, server,
        database -> base + database,
        database -> "CREATE DATABASE IF NOT EXISTS " + database,
        database -> "DROP DATABASE IF EXISTS " + database,
        database -> "SELECT CAST(table_name AS CHAR) FROM information_schema.tables "
            + "WHERE table_schema = '" + database + "'",
        // TRUNCATE restarts AUTO_INCREMENT; foreign keys (a scenario's own) would refuse it
        (database, names) -> {
          List<String> sql = new ArrayList<>();
          sql.add("SET FOREIGN_KEY_CHECKS = 0");
          names.forEach(t -> sql.add("TRUNCATE TABLE " + database + ".`" + t.replace("`", "``")
              + '`'));
          sql.add("SET FOREIGN_KEY_CHECKS = 1");
          return sql;
        }, '`',
        database -> "SELECT count(*) FROM information_schema.processlist WHERE db = '"
            + database + "'",
        (database, prefix) -> "SELECT count(*) FROM information_schema.processlist WHERE db = '"
            + database + "' AND command = 'Query' AND info LIKE '" + prefix + "%'",
        SessionKiller.MARIADB, false, transport);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * PostgreSQL's streaming replica, which .ci/pg-replica makes on port 5433 (or
   * {@code -Dtoasty.tck.postgresql.replica}): the replica scenarios fail where it does not
   * answer. MariaDB has none here.
   */
  @Override
  public Optional<String> replicaUrl(String database) {
    if (!name.equals("postgresql")) {
      return Optional.empty();
    }
    String replica = System.getProperty("toasty.tck.postgresql.replica",
        "r2dbc:postgresql://postgres@127.0.0.1:5433/test");
    return Optional.of(replica + databaseUrl.apply(database).substring(serverUrl.length()));
  }

  @Override
  public Capability capability() {
    return capability;
  }

  @Override
  public ChronoUnit timePrecision() {
    return timePrecision;
  }

  @Override
  public Db open(Request request) {
    admin(create.apply(request.database())).block(TIMEOUT);
    String url = databaseUrl.apply(request.database());
    DbBuilder builder = Toasty.builder()
        .models(request.models().toArray(ModelDef<?>[]::new))
        .url(transport.apply(url))
        .poolMaxSize(request.poolMaxSize())
        .planCacheSize(request.planCacheSize())
        .wrapDriver(request.wrapDriver());
    if (applicationPools) {
      ConnectionFactory sessions =
          R2dbcDrivers.abandonable(R2dbcDrivers.connectionFactory(url));
      ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(sessions)
          .name("application-" + request.database())
          .initialSize(0)
          .maxSize(request.poolMaxSize())
          .maxAcquireTime(TIMEOUT)
          .validationDepth(R2dbcDrivers.acquireValidation(sessions)) // as the starters' pool
          .build());
      pools.put(request.database(), pool);
      builder.driverFactory(config -> R2dbcDrivers.onConnectionFactory(pool, config));
    }
    return request.configure(builder).build();
  }

  @Override
  public Mono<Void> dispose(String database) {
    ConnectionPool pool = pools.remove(database);
    return (pool == null ? Mono.<Void>empty() : pool.disposeLater().onErrorResume(e -> Mono.empty()))
        .then(admin(drop.apply(database)));
  }

  /** On the server's own pools of each Db, not an application's pool, which {@link #open} makes. */
  @Override
  public boolean empties() {
    return !applicationPools;
  }

  @Override
  public Mono<Void> empty(String database) {
    return SqlEmptying.empty(pool().create(), tables.apply(database),
        names -> emptying.apply(database, names));
  }

  @Override
  public Mono<Void> executeSql(String database, String sql) {
    return RawSql.execute(databaseUrl.apply(database), sql);
  }

  @Override
  public String quoteIdentifier(String identifier) {
    String q = String.valueOf(quote);
    return q + identifier.replace(q, q + q) + q;
  }

  @Override
  public Mono<Integer> serverConnections(String database) {
    return count(countConnections.apply(database));
  }

  /** The one number {@code sql} answers, on an admin session. */
  private Mono<Integer> count(String sql) {
    return Mono.usingWhen(pool().create(),
        (Connection c) -> Flux.from(c.createStatement(sql).execute())
            .concatMap(r -> r.map((row, meta) -> ((Number) row.get(0)).intValue()))
            .next(),
        Connection::close);
  }

  @Override
  public Mono<Long> runningStatements(String database, String prefix) {
    String sql = countRunning.apply(database, prefix);
    return Mono.usingWhen(pool().create(),
        (Connection c) -> Flux.from(c.createStatement(sql).execute())
            .concatMap(r -> r.map((row, meta) -> ((Number) row.get(0)).longValue()))
            .next(),
        Connection::close);
  }

  @Override
  public boolean killsSessions() {
    return true;
  }

  @Override
  public Mono<Integer> killSessions(String database, Sessions which) {
    return Mono.usingWhen(pool().create(), (Connection c) -> killer.kill(c, database, which),
        Connection::close);
  }

  @Override
  public Mono<Integer> killSession(String database, long id) {
    return Mono.usingWhen(pool().create(), (Connection c) -> killer.killOne(c, id),
        Connection::close);
  }

  @Override
  public Optional<String> sessionIdQuery() {
    return Optional.of(killer.sessionIdQuery());
  }

  @Override
  public Mono<Void> gateCommits(String database, String table) {
    return Flux.fromIterable(killer.gateCommits(database, table)).concatMap(this::admin).then();
  }

  /**
   * On one admin session of its own, not the admin pool's: the hold, {@code during}, then the
   * release, whatever ends it. MariaDB's hold is server-wide, so a scenario of a class running
   * alongside (parallelism 2) may hold one of the pool's two sessions in a statement the hold
   * blocks (emptying a kept database: TRUNCATE); {@code during} then still has the other one
   * for its process list and its kill.
   */
  @Override
  public <T> Mono<T> holdingCommits(String database, Mono<T> during) {
    pool(); // makes the factory
    return Mono.usingWhen(Mono.from(adminSessions.create()),
        (Connection c) -> statements(c, killer.holdCommits(database)).then(during),
        c -> release(c, database), (c, e) -> release(c, database), c -> release(c, database));
  }

  private Mono<Void> release(Connection admin, String database) {
    return statements(admin, killer.releaseCommits(database)).then(Mono.from(admin.close()));
  }

  private static Mono<Void> statements(Connection c, List<String> sql) {
    return Flux.fromIterable(sql)
        .concatMap(q -> Flux.from(c.createStatement(q).execute())
            .concatMap(r -> r.map((row, meta) -> 1)))
        .then();
  }

  @Override
  public Mono<Integer> idleInTransaction(String database) {
    return count(killer.idleInTransaction(database));
  }

  @Override
  public Mono<String> idleInTransactionDetail(String database) {
    return Mono.usingWhen(pool().create(),
        (Connection c) -> Flux.from(c.createStatement(killer.idleInTransactionDetail(database))
                .execute())
            .concatMap(r -> r.map((row, meta) -> {
              List<String> cells = new ArrayList<>();
              for (int i = 0; i < meta.getColumnMetadatas().size(); i++) {
                cells.add(String.valueOf(row.get(i)));
              }
              return String.join(" | ", cells);
            }))
            .collectList().map(lines -> String.join("; ", lines)),
        Connection::close);
  }

  /** Runs {@code sql} on the server, on a small pool kept for the JVM's life. */
  private Mono<Void> admin(String sql) {
    return Mono.usingWhen(pool().create(),
        (Connection c) -> Flux.from(c.createStatement(sql).execute())
            .concatMap(Result::getRowsUpdated).then(),
        Connection::close)
        .onErrorMap(e -> new IllegalStateException("[" + name + "] " + sql + " failed on "
            + serverUrl + " (is the server running? .ci/run starts it): " + e.getMessage(), e));
  }

  private ConnectionPool pool() {
    ConnectionPool p = admin;
    if (p == null) {
      synchronized (this) {
        p = admin;
        if (p == null) {
          ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(serverUrl);
          if ("mariadb".equals(Objects.toString(options.getValue(
              ConnectionFactoryOptions.DRIVER)))) {
            options = options.mutate().option(ConnectionFactoryOptions.DRIVER, "mysql").build();
          }
          adminSessions = ConnectionFactories.get(options);
          admin = p = new ConnectionPool(ConnectionPoolConfiguration
              .builder(adminSessions)
              .name("tck-admin-" + name).initialSize(0).maxSize(2)
              .maxAcquireTime(TIMEOUT).build());
        }
      }
    }
    return p;
  }

  @Override
  public String toString() {
    return name;
  }
}
