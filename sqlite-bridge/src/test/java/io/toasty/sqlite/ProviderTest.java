package io.toasty.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** The provider, URL forms and options. */
class ProviderTest {
  @TempDir
  Path dir;

  @Test
  void providerIsFoundForSqliteUrlsOnly() {
    ConnectionFactory factory = ConnectionFactories.get("r2dbc:sqlite:mem:///p");
    assertInstanceOf(SqliteConnectionFactory.class, factory);
    assertEquals("SQLite", factory.getMetadata().getName());
    SqliteConnectionFactoryProvider provider = new SqliteConnectionFactoryProvider();
    assertEquals("sqlite", provider.getDriver());
    assertTrue(provider.supports(ConnectionFactoryOptions.parse("r2dbc:sqlite:///x.db")));
    assertFalse(provider.supports(ConnectionFactoryOptions.parse("r2dbc:h2:mem:///x")));
  }

  @Test
  void sharedMemoryDatabaseIsSeenByEveryConnectionToTheSameName() {
    String url = "r2dbc:sqlite:mem:///shared-" + UUID.randomUUID();
    Connection first = Db.connect(ConnectionFactories.get(url));
    Connection second = Db.connect(ConnectionFactories.get(url));
    Connection other = Db.connect(Db.memory());
    try {
      Db.update(first, "CREATE TABLE t(x)");
      Db.update(first, "INSERT INTO t VALUES (1)");
      assertEquals(1, Db.count(second, "t"));
      assertThrows(R2dbcBadGrammarException.class, () -> Db.count(other, "t"));
    } finally {
      Db.close(first);
      Db.close(second);
      Db.close(other);
    }
  }

  @Test
  void memoryDatabaseLivesWhileAConnectionIsOpen() {
    ConnectionFactory factory = Db.memory();
    Connection keeper = Db.connect(factory);
    Connection c = Db.connect(factory);
    Db.update(c, "CREATE TABLE t(x)");
    Db.close(c);
    Connection again = Db.connect(factory);
    assertEquals(0, Db.count(again, "t"));
    BridgeWorker worker = Db.unwrap(again).database().worker();
    Db.close(again);
    assertFalse(worker.isShutdown(), "one connection is still open");
    Db.close(keeper);
    assertTrue(worker.isShutdown(), "the last connection stopped the bridge thread");
    Connection fresh = Db.connect(factory);
    assertThrows(R2dbcBadGrammarException.class, () -> Db.count(fresh, "t"));
    Db.close(fresh);
  }

  @Test
  void anonymousMemoryDatabaseBelongsToItsFactory() {
    ConnectionFactory one = ConnectionFactories.get("r2dbc:sqlite:///:memory:");
    ConnectionFactory two = ConnectionFactories.get("r2dbc:sqlite:mem:///");
    Connection a = Db.connect(one);
    Connection b = Db.connect(one);
    Connection c = Db.connect(two);
    try {
      Db.update(a, "CREATE TABLE t(x)");
      assertEquals(0, Db.count(b, "t"));
      assertThrows(R2dbcBadGrammarException.class, () -> Db.count(c, "t"));
      assertTrue(((SqliteConnectionFactory) one).isInMemory());
    } finally {
      Db.close(a);
      Db.close(b);
      Db.close(c);
    }
  }

  @Test
  void absoluteFileUrlKeepsDataAcrossFactories() {
    Path file = dir.resolve("abs.db");
    String url = "r2dbc:sqlite:///" + file.toAbsolutePath();
    assertTrue(url.startsWith("r2dbc:sqlite:////"));
    Connection c = Db.connect(ConnectionFactories.get(url));
    Db.update(c, "CREATE TABLE t(x)");
    Db.update(c, "INSERT INTO t VALUES (42)");
    Db.close(c);
    assertTrue(Files.exists(file));
    Connection again = Db.connect(ConnectionFactories.get("r2dbc:sqlite:file:///" + file));
    assertEquals(42L, Db.query(again, "SELECT x FROM t", r -> r.get(0)).get(0));
    assertEquals("wal", Db.query(again, "PRAGMA journal_mode", r -> r.get(0)).get(0));
    Db.close(again);
  }

  @Test
  void relativeFileUrlResolvesAgainstTheWorkingDirectory() {
    ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(
        "r2dbc:sqlite:///target/relative-" + UUID.randomUUID() + ".db");
    SqliteConfiguration config = SqliteConfiguration.from(options);
    Path expected = Path.of("").toAbsolutePath()
        .resolve((String) options.getValue(ConnectionFactoryOptions.DATABASE)).normalize();
    assertEquals("jdbc:sqlite:" + expected, config.jdbcUrl());
    assertFalse(config.inMemory());
  }

  @Test
  void optionsAreRead() {
    Path file = dir.resolve("opts.db");
    ConnectionFactory factory = ConnectionFactories.get("r2dbc:sqlite:///" + file
        + "?journalMode=delete&busyTimeout=PT2S&fetchSize=7");
    SqliteConfiguration config = ((SqliteConnectionFactory) factory).configuration();
    assertEquals(Duration.ofSeconds(2), config.busyTimeout());
    assertEquals(7, config.fetchSize());
    Connection c = Db.connect(factory);
    assertEquals("delete", Db.query(c, "PRAGMA journal_mode", r -> r.get(0)).get(0));
    assertEquals(1L, Db.query(c, "PRAGMA foreign_keys", r -> r.get(0)).get(0));
    Db.close(c);
    assertEquals(Duration.ofMillis(1500), SqliteConfiguration.from(ConnectionFactoryOptions
        .parse("r2dbc:sqlite:mem:///x?busyTimeout=1500")).busyTimeout());
    assertEquals(Duration.ofSeconds(3), SqliteConfiguration.from(ConnectionFactoryOptions
        .parse("r2dbc:sqlite:mem:///x?lockWaitTimeout=PT3S")).busyTimeout());
  }

  @Test
  void badUrlsAreRefusedWithTheReason() {
    IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
        () -> ConnectionFactories.get("r2dbc:sqlite://host/x.db"));
    assertTrue(host.getMessage().contains("no host"), host.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ConnectionFactories.get("r2dbc:sqlite:tcp:///x.db"));
    assertThrows(IllegalArgumentException.class,
        () -> ConnectionFactories.get("r2dbc:sqlite:mem:///x?journalMode=bogus"));
    assertThrows(IllegalArgumentException.class,
        () -> ConnectionFactories.get("r2dbc:sqlite:mem:///x?busyTimeout=soon"));
    assertThrows(IllegalArgumentException.class,
        () -> ConnectionFactories.get("r2dbc:sqlite:mem:///x?fetchSize=0"));
  }

  @Test
  void unopenableFileFailsAsASignal() {
    ConnectionFactory factory = ConnectionFactories.get("r2dbc:sqlite:///" + dir
        + "/missing-dir/x.db");
    R2dbcException e = assertThrows(R2dbcException.class,
        () -> Db.connect(factory));
    assertEquals("08001", e.getSqlState());
  }

  @Test
  void poolUrlWrapsTheBridge() {
    ConnectionFactory pooled = ConnectionFactories.get("r2dbc:pool:sqlite:mem:///pooled-"
        + UUID.randomUUID() + "?maxSize=3");
    assertInstanceOf(ConnectionPool.class, pooled);
    Connection c = Db.connect(pooled);
    assertEquals(1L, Db.query(c, "SELECT 1", r -> r.get(0)).get(0));
    Db.close(c);
    Db.await(((ConnectionPool) pooled).disposeLater().then(Mono.just(1)));
  }

  @Test
  void metadataNamesTheProductAndVersion() {
    Connection c = Db.connect(Db.memory());
    assertEquals("SQLite", c.getMetadata().getDatabaseProductName());
    assertTrue(c.getMetadata().getDatabaseVersion().matches("3\\.\\d+\\.\\d+"),
        c.getMetadata().getDatabaseVersion());
    Db.close(c);
  }
}
