package io.toasty.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.Test;

class VertxUrlTest {

  @Test
  void aVertxPostgresqlUrlIsTheClientsUriWithToastysOptionsTaken() {
    PgConnectOptions options = VertxUrl.postgresql(
        "vertx:postgresql://alice:secret@db.example:6543/app?schema=s1&applicationName=run1");
    assertEquals("db.example", options.getHost());
    assertEquals(6543, options.getPort());
    assertEquals("app", options.getDatabase());
    assertEquals("alice", options.getUser());
    assertEquals("secret", options.getPassword());
    assertEquals("s1", options.getProperties().get("search_path"));
    assertEquals("run1", options.getProperties().get("application_name"));
    // added to the client's defaults, not in their place
    assertEquals("utf8", options.getProperties().get("client_encoding"));
  }

  @Test
  void theShortSchemeIsAcceptedAndOtherUrlsAreRefused() {
    VertxDriverProvider provider = new VertxDriverProvider();
    assertTrue(provider.supports("vertx:postgres://u@h/db"));
    assertTrue(provider.supports("VERTX:postgresql://u@h/db"));
    assertFalse(provider.supports("r2dbc:postgresql://u@h/db"));
    assertFalse(provider.supports("vertx:sqlite:/tmp/app.db"));
    assertThrows(IllegalArgumentException.class,
        () -> VertxUrl.postgresql("r2dbc:postgresql://u@h/db"));
  }

  @Test
  void aVertxMariadbOrMysqlUrlIsTheMysqlClientsUri() {
    MySQLConnectOptions options = VertxUrl.mysql(
        "VERTX:MariaDB://alice:secret@db.example:3307/app?collation=utf8mb4_bin");
    assertEquals("db.example", options.getHost());
    assertEquals(3307, options.getPort());
    assertEquals("app", options.getDatabase());
    assertEquals("alice", options.getUser());
    assertEquals("secret", options.getPassword());
    assertEquals("utf8mb4_bin", options.getCollation());
    assertEquals("db.example", VertxUrl.mysql("vertx:mysql://u@db.example/app").getHost());
    VertxDriverProvider provider = new VertxDriverProvider();
    assertTrue(provider.supports("vertx:mariadb://u@h/db"));
    assertTrue(provider.supports("vertx:mysql://u@h/db"));
    assertThrows(IllegalArgumentException.class,
        () -> VertxUrl.mysql("vertx:postgresql://u@h/db"));
  }
}
