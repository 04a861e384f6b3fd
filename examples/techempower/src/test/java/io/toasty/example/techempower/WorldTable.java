package io.toasty.example.techempower;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code world} table read straight from PostgreSQL (not through the counting proxy). */
final class WorldTable {
  private static final PostgresqlConnectionFactory FACTORY = new PostgresqlConnectionFactory(
      PostgresqlConnectionConfiguration.builder().host("127.0.0.1").port(5432)
          .username("postgres").database("techempower").build());

  private WorldTable() {}

  /** Every row's number by id. */
  static Map<Integer, Integer> read() {
    return Mono.usingWhen(FACTORY.create(),
            c -> Flux.from(c.createStatement("SELECT id, randomnumber FROM world").execute())
                .flatMap(r -> r.map(row -> Map.entry(row.get(0, Integer.class),
                    row.get(1, Integer.class))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue),
            c -> c.close())
        .block(Duration.ofSeconds(30));
  }
}
