package io.toasty.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Pooled connections writing at once: all succeed, none meets SQLITE_BUSY. */
class ConcurrencyTest {
  private static final int WRITERS = 400;

  @TempDir
  Path dir;

  private ConnectionFactory factory(String kind) {
    return kind.equals("memory")
        ? ConnectionFactories.get("r2dbc:sqlite:mem:///concurrent-" + UUID.randomUUID())
        : ConnectionFactories.get("r2dbc:sqlite:///" + dir.resolve("concurrent.db")
            + "?busyTimeout=PT10S");
  }

  private static ConnectionPool pool(ConnectionFactory factory) {
    return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
        .initialSize(0).maxSize(8).maxAcquireTime(Duration.ofSeconds(20)).build());
  }

  private static <T> Mono<T> with(ConnectionPool pool, Function<Connection,
      Mono<T>> work) {
    return Mono.usingWhen(pool.create(), work, Connection::close, (c, e) -> c.close(),
        Connection::close);
  }

  private static Mono<Long> update(Connection c, String sql, Object... values) {
    Statement s = c.createStatement(sql);
    for (int i = 0; i < values.length; i++) {
      s.bind(i, values[i]);
    }
    return Flux.from(s.execute()).concatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
  }

  private static Mono<Long> scalar(Connection c, String sql) {
    return Flux.from(c.createStatement(sql).execute())
        .concatMap(r -> r.map(row -> row.get(0, Long.class))).next();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void concurrentAutocommitWritesAllSucceed(String kind) {
    ConnectionPool pool = pool(factory(kind));
    try {
      Db.await(with(pool, c -> update(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v INTEGER)")));
      Long written = Db.await(Flux.range(0, WRITERS)
          .parallel(8).runOn(Schedulers.parallel())
          .flatMap(i -> with(pool, c -> update(c, "INSERT INTO t(v) VALUES (?)", i)))
          .sequential().reduce(0L, Long::sum));
      assertEquals(WRITERS, written);
      Long distinct = Db.await(with(pool, c -> scalar(c, "SELECT count(DISTINCT v) FROM t")));
      assertEquals(WRITERS, distinct);
    } finally {
      Db.await(pool.disposeLater().thenReturn(1));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void concurrentReadModifyWriteTransactionsAreSerializable(String kind) {
    ConnectionPool pool = pool(factory(kind));
    int transactions = 100;
    try {
      Db.await(with(pool, c -> update(c, "CREATE TABLE counter(n INTEGER)")
          .then(update(c, "INSERT INTO counter VALUES (0)"))));
      Db.await(Flux.range(0, transactions)
          .parallel(8).runOn(Schedulers.parallel())
          .flatMap(i -> with(pool, c -> Mono.from(c.beginTransaction())
              .then(scalar(c, "SELECT n FROM counter"))
              .flatMap(n -> update(c, "UPDATE counter SET n = ?", n + 1))
              .then(Mono.from(c.commitTransaction()))
              .thenReturn(1)))
          .sequential().then(Mono.just(1)));
      Long n = Db.await(with(pool, c -> scalar(c, "SELECT n FROM counter")));
      assertEquals(transactions, n);
    } finally {
      Db.await(pool.disposeLater().thenReturn(1));
    }
  }

  @Test
  void readersAndWritersTogether() {
    ConnectionPool pool = pool(factory("file"));
    try {
      Db.await(with(pool, c -> update(c, "CREATE TABLE t(v INTEGER)")));
      Long done = Db.await(Flux.range(0, 200)
          .parallel(8).runOn(Schedulers.parallel())
          .flatMap(i -> with(pool, c -> i % 2 == 0
              ? update(c, "INSERT INTO t VALUES (?)", i)
              : scalar(c, "SELECT count(*) FROM t").thenReturn(0L)))
          .sequential().reduce(0L, Long::sum));
      assertEquals(100L, done);
    } finally {
      Db.await(pool.disposeLater().thenReturn(1));
    }
  }

  @Test
  void aPooledConnectionReleasedMidTransactionIsRolledBack() {
    ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(
            ConnectionFactories.get("r2dbc:sqlite:mem:///released-" + UUID.randomUUID()
                + "?busyTimeout=2000"))
        .initialSize(0).maxSize(1).build());
    try {
      Db.await(with(pool, c -> update(c, "CREATE TABLE t(v INTEGER)")));
      Db.await(with(pool, c -> Mono.from(c.beginTransaction())
          .then(update(c, "INSERT INTO t VALUES (1)"))));
      Long rows = Db.await(with(pool, c -> Mono.from(c.beginTransaction())
          .then(scalar(c, "SELECT count(*) FROM t"))
          .flatMap(n -> Mono.from(c.commitTransaction()).thenReturn(n))));
      assertEquals(0L, rows);
    } finally {
      Db.await(pool.disposeLater().thenReturn(1));
    }
  }
}
