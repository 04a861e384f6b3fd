package io.toasty.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.ValidationDepth;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** BlockHound is on, sees sqlite-jdbc, and nothing the bridge does from Reactor threads trips it. */
class NonBlockingTest {

  @Test
  void blockHoundFlagsASleepOnAParallelThread() {
    Mono<String> sleep = Mono.fromCallable(() -> {
      Thread.sleep(1);
      return "slept";
    }).subscribeOn(Schedulers.parallel());
    StepVerifier.create(sleep).expectError(BlockingOperationError.class).verify(Db.WAIT);
  }

  @Test
  void blockHoundFlagsJdbcOnAParallelThread() {
    Db.close(Db.connect(Db.memory())); // the native library is loaded: only SQLite itself is left
    Mono<Boolean> jdbc = Mono.fromCallable(() -> {
      try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
        return c.createStatement().execute("SELECT 1");
      }
    }).subscribeOn(Schedulers.parallel());
    StepVerifier.create(jdbc)
        .expectErrorSatisfies(e -> {
          assertTrue(e instanceof BlockingOperationError, e.toString());
          assertTrue(e.getMessage().contains("org.sqlite."), e.getMessage());
        })
        .verify(Db.WAIT);
  }

  @Test
  void everySpiCallFromParallelThreadsStaysOffThem() {
    ConnectionFactory factory = Db.memory();
    Set<String> mappingThreads = ConcurrentHashMap.newKeySet();
    Mono<List<Long>> work = Mono.usingWhen(Mono.from(factory.create()), c -> Mono.from(
            c.createStatement("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)").execute())
        .flatMap(r -> Mono.from(r.getRowsUpdated()))
        .then(Mono.from(c.beginTransaction()))
        .then(Mono.from(c.createSavepoint("s1")))
        .thenMany(c.createStatement("INSERT INTO t(v) VALUES (?)").bind(0, "a").add()
            .bind(0, "b").execute())
        .concatMap(Result::getRowsUpdated)
        .then(Mono.from(c.releaseSavepoint("s1")))
        .then(Mono.from(c.commitTransaction()))
        .then(Mono.from(c.setTransactionIsolationLevel(IsolationLevel.READ_UNCOMMITTED)))
        .then(Mono.from(c.validate(ValidationDepth.REMOTE)))
        .thenMany(Flux.from(c.createStatement("SELECT id FROM t ORDER BY id").execute())
            .concatMap(r -> r.map((row, md) -> {
              mappingThreads.add(Thread.currentThread().getName());
              return row.get(0, Long.class);
            })))
        .collectList(), Connection::close)
        .subscribeOn(Schedulers.parallel());
    StepVerifier.create(work).expectNext(List.of(1L, 2L)).verifyComplete();
    assertTrue(mappingThreads.stream().allMatch(n -> n.startsWith("parallel-")),
        "rows are mapped on parallel threads, not the bridge thread: " + mappingThreads);
  }

  @Test
  void oneNamedDaemonBridgeThreadPerDatabase() {
    ConnectionFactory a = Db.memory();
    ConnectionFactory b = Db.memory();
    Connection a1 = Db.connect(a);
    Connection a2 = Db.connect(a);
    Connection b1 = Db.connect(b);
    try {
      assertSame(Db.unwrap(a1).database(), Db.unwrap(a2).database());
      assertNotSame(Db.unwrap(a1).database(), Db.unwrap(b1).database());
      String[] thread = new String[2];
      Db.await(Db.unwrap(a1).database().worker().call(() -> {
        thread[0] = Thread.currentThread().getName();
        thread[1] = String.valueOf(Thread.currentThread().isDaemon());
        return 1;
      }));
      assertTrue(thread[0].startsWith("toasty-sqlite-"), thread[0]);
      assertEquals("true", thread[1]);
    } finally {
      Db.close(a1);
      Db.close(a2);
      Db.close(b1);
    }
  }
}
