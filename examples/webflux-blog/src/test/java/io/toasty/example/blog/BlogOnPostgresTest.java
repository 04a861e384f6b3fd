package io.toasty.example.blog;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link BlogHttpContract} on PostgreSQL (127.0.0.1:5432, user postgres, database test), in a
 * schema of its own with a random name, dropped afterwards.
 */
class BlogOnPostgresTest extends BlogHttpContract {
  private static final String ADMIN = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";
  private static final String SCHEMA = "toasty_blog_"
      + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    sql("CREATE SCHEMA " + SCHEMA);
    registry.add("spring.r2dbc.url",
        () -> ADMIN + "?schema=" + SCHEMA + "&applicationName=" + SCHEMA);
  }

  /**
   * Drops the schema. The application's pool is still open (Spring caches the context), so its
   * sessions, named after the schema, are ended first: they would keep the DROP waiting.
   */
  @AfterAll
  static void dropSchema() {
    sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
        + SCHEMA + "'");
    sql("DROP SCHEMA " + SCHEMA + " CASCADE");
  }

  /**
   * Sessions of the example whose last statement is a change stream's LISTEN, or its UNLISTEN
   * on cancel: zero only once the listener's connection is closed.
   */
  @Override
  java.util.Optional<String> listenersQuery() {
    return java.util.Optional.of("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name"
        + " = '" + SCHEMA + "' AND (query LIKE 'LISTEN %' OR query LIKE 'UNLISTEN %')");
  }

  /** Sessions of the example whose transaction has a transaction id: it has written. */
  @Override
  String uncommittedWritesQuery() {
    return "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '" + SCHEMA
        + "' AND backend_xid IS NOT NULL";
  }

  /** Sessions of the example idle inside a transaction, written to or not. */
  @Override
  String sessionsInATransactionQuery() {
    return "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '" + SCHEMA
        + "' AND state LIKE 'idle in transaction%'";
  }

  /** The test schema's name, which is also the application name of the example's sessions. */
  static String schema() {
    return SCHEMA;
  }

  private static void sql(String sql) {
    Mono.usingWhen(ConnectionFactories.get(ADMIN).create(),
            c -> Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then(),
            c -> c.close())
        .block(Duration.ofSeconds(60));
  }
}
