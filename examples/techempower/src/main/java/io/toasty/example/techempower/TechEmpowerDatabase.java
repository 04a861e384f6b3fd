package io.toasty.example.techempower;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates TechEmpower's database and tables if absent and puts their rows in place: the
 * {@code world} table's 10,000 rows (numbers drawn as TechEmpower's script draws them; rows
 * already there keep theirs) and the {@code fortune} table's 12 standard rows (exactly those).
 * Idempotent, so every start of the application (and every test) runs it; it blocks, and runs
 * before any implementation takes a connection.
 */
final class TechEmpowerDatabase {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final String DUPLICATE_DATABASE = "42P04";
  private static final List<String> TABLES = List.of(
      "CREATE TABLE IF NOT EXISTS world (id integer NOT NULL PRIMARY KEY,"
          + " randomnumber integer NOT NULL DEFAULT 0)",
      "INSERT INTO world (id, randomnumber) SELECT x.id,"
          + " least(floor(random() * 10000 + 1), 10000) FROM generate_series(1, 10000) AS x(id)"
          + " ON CONFLICT (id) DO NOTHING",
      "DELETE FROM world WHERE id > 10000 OR id < 1",
      "CREATE TABLE IF NOT EXISTS fortune (id integer NOT NULL PRIMARY KEY,"
          + " message varchar(2048) NOT NULL)",
      "DELETE FROM fortune WHERE id > 12 OR id < 1",
      "ANALYZE world",
      "ANALYZE fortune");
  /** TechEmpower's fortunes (toolset/databases/postgres/create-postgres.sql), by id from 1. */
  static final List<String> FORTUNES = List.of(
      "fortune: No such file or directory",
      "A computer scientist is someone who fixes things that aren't broken.",
      "After enough decimal places, nobody gives a damn.",
      "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
      "A computer program does what you tell it to do, not what you want it to do.",
      "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
      "Any program that runs right is obsolete.",
      "A list is only as strong as its weakest link. — Donald Knuth",
      "Feature: A bug with seniority.",
      "Computers make very fast, very accurate mistakes.",
      "<script>alert(\"This should not be displayed in a browser alert box.\");</script>",
      "フレームワークのベンチマーク");

  private TechEmpowerDatabase() {}

  /** Creates what is missing of the database {@code properties} name, and its rows. */
  static void ensure(TechEmpowerProperties properties) {
    run(properties, "postgres", c -> createDatabase(c, properties.database()));
    run(properties, properties.database(), TechEmpowerDatabase::fillTables);
  }

  private static Mono<Void> createDatabase(Connection c, String name) {
    return Flux.from(c.createStatement("SELECT 1 FROM pg_database WHERE datname = $1")
            .bind(0, name).execute())
        .flatMap(r -> r.map(row -> 1))
        .hasElements()
        .flatMap(exists -> exists ? Mono.empty()
            : Flux.from(c.createStatement("CREATE DATABASE " + name).execute())
                .flatMap(r -> r.getRowsUpdated()).then())
        .onErrorResume(R2dbcException.class,
            e -> DUPLICATE_DATABASE.equals(e.getSqlState()) ? Mono.empty() : Mono.error(e));
  }

  private static Mono<Void> fillTables(Connection c) {
    Mono<Void> work = Mono.empty();
    for (String sql : TABLES.subList(0, 5)) {
      work = work.then(execute(c.createStatement(sql)));
    }
    for (int i = 0; i < FORTUNES.size(); i++) {
      work = work.then(execute(c.createStatement("INSERT INTO fortune (id, message)"
              + " VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET message = EXCLUDED.message")
          .bind(0, i + 1).bind(1, FORTUNES.get(i))));
    }
    for (String sql : TABLES.subList(5, TABLES.size())) {
      work = work.then(execute(c.createStatement(sql)));
    }
    return work;
  }

  private static Mono<Void> execute(io.r2dbc.spi.Statement statement) {
    return Flux.from(statement.execute()).flatMap(r -> r.getRowsUpdated()).then();
  }

  private static void run(TechEmpowerProperties p, String database,
      Function<Connection, Mono<Void>> work) {
    PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(
        PostgresqlConnectionConfiguration.builder().host(p.host()).port(p.port())
            .username(p.user()).password(p.password().isEmpty() ? null : p.password())
            .database(database).build());
    Mono.usingWhen(factory.create(), work, c -> c.close()).block(TIMEOUT);
  }
}
