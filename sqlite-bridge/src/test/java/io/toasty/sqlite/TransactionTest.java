package io.toasty.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import io.r2dbc.spi.TransactionDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Transactions, savepoints, isolation, read-only, autocommit and the write permit. */
class TransactionTest {
  @TempDir
  Path dir;
  private ConnectionFactory factory;
  private Connection a;
  private Connection b;

  @BeforeEach
  void open() {
    factory = Db.memory();
    a = Db.connect(factory);
    b = Db.connect(factory);
    Db.update(a, "CREATE TABLE t(x TEXT)");
  }

  @AfterEach
  void close() {
    Db.close(a);
    Db.close(b);
  }

  private static void run(Connection c, Publisher<Void> p) {
    Db.await(Mono.from(p).then(Mono.just(1)));
  }

  private static List<String> xs(Connection c) {
    return Db.query(c, "SELECT x FROM t ORDER BY rowid", r -> r.get(0, String.class));
  }

  /** A definition with the given attributes. */
  private static TransactionDefinition definition(Map<Option<?>, Object> attributes) {
    return new TransactionDefinition() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T getAttribute(Option<T> option) {
        return (T) attributes.get(option);
      }
    };
  }

  @Test
  void commitMakesChangesVisible() {
    assertTrue(a.isAutoCommit());
    run(a, a.beginTransaction());
    assertFalse(a.isAutoCommit());
    Db.update(a, "INSERT INTO t VALUES ('one')");
    run(a, a.commitTransaction());
    assertTrue(a.isAutoCommit());
    assertEquals(List.of("one"), xs(b));
  }

  @Test
  void rollbackUndoes() {
    run(a, a.beginTransaction());
    Db.update(a, "INSERT INTO t VALUES ('one')");
    assertEquals(List.of("one"), xs(a));
    run(a, a.rollbackTransaction());
    assertEquals(List.of(), xs(a));
    assertTrue(a.isAutoCommit());
  }

  @Test
  void commitAndRollbackWithoutATransactionDoNothing() {
    run(a, a.commitTransaction());
    run(a, a.rollbackTransaction());
    run(a, a.beginTransaction());
    R2dbcException twice = assertThrows(R2dbcException.class, () -> run(a, a.beginTransaction()));
    assertEquals("25001", twice.getSqlState());
    run(a, a.rollbackTransaction());
  }

  @Test
  void savepoints() {
    run(a, a.beginTransaction());
    Db.update(a, "INSERT INTO t VALUES ('a')");
    run(a, a.createSavepoint("s1"));
    Db.update(a, "INSERT INTO t VALUES ('b')");
    run(a, a.rollbackTransactionToSavepoint("s1"));
    Db.update(a, "INSERT INTO t VALUES ('c')");
    run(a, a.releaseSavepoint("s1"));
    assertFalse(a.isAutoCommit(), "releasing a savepoint does not end the transaction");
    run(a, a.commitTransaction());
    assertEquals(List.of("a", "c"), xs(b));
    R2dbcException missing = assertThrows(R2dbcException.class, () -> {
      run(a, a.beginTransaction());
      run(a, a.releaseSavepoint("nope"));
    });
    assertEquals("3B001", missing.getSqlState());
    run(a, a.rollbackTransaction());
  }

  @Test
  void aSavepointOutsideATransactionBeginsOne() {
    run(a, a.createSavepoint("weird \"name\""));
    assertFalse(a.isAutoCommit());
    Db.update(a, "INSERT INTO t VALUES ('a')");
    run(a, a.rollbackTransaction());
    assertEquals(List.of(), xs(a));
  }

  @Test
  void isolationLevelsSqliteServes() {
    assertEquals(IsolationLevel.SERIALIZABLE, a.getTransactionIsolationLevel());
    run(a, a.beginTransaction(IsolationLevel.READ_COMMITTED));
    assertEquals(IsolationLevel.SERIALIZABLE, a.getTransactionIsolationLevel());
    run(a, a.commitTransaction());
    run(a, a.setTransactionIsolationLevel(IsolationLevel.READ_UNCOMMITTED));
    assertEquals(IsolationLevel.READ_UNCOMMITTED, a.getTransactionIsolationLevel());
    assertEquals(1L, Db.query(a, "PRAGMA read_uncommitted", r -> r.get(0)).get(0));
    run(a, a.setTransactionIsolationLevel(IsolationLevel.REPEATABLE_READ));
    assertEquals(IsolationLevel.SERIALIZABLE, a.getTransactionIsolationLevel());
    assertEquals(0L, Db.query(a, "PRAGMA read_uncommitted", r -> r.get(0)).get(0));
  }

  @Test
  void readUncommittedSeesAnotherTransactionsWritesInMemory() {
    run(a, a.beginTransaction());
    Db.update(a, "INSERT INTO t VALUES ('dirty')");
    run(b, b.setTransactionIsolationLevel(IsolationLevel.READ_UNCOMMITTED));
    assertEquals(List.of("dirty"), xs(b));
    run(a, a.rollbackTransaction());
  }

  @Test
  void aSerializableReaderWaitsForTheWriterInMemory() {
    run(a, a.beginTransaction());
    Db.update(a, "INSERT INTO t VALUES ('pending')");
    run(b, b.setLockWaitTimeout(Duration.ofMillis(150)));
    R2dbcTransientResourceException locked = assertThrows(R2dbcTransientResourceException.class,
        () -> xs(b));
    assertTrue(locked.getMessage().contains("locked"), locked.getMessage());
    CompletableFuture<List<String>> later = Mono.from(b.setLockWaitTimeout(Duration.ofSeconds(20)))
        .then(Mono.from(b.createStatement("SELECT x FROM t").execute())
            .flatMapMany(r -> r.map(row -> row.get(0, String.class))).collectList())
        .subscribeOn(Schedulers.parallel()).toFuture();
    run(a, a.commitTransaction());
    assertEquals(List.of("pending"), later.join());
  }

  @Test
  void uncommittedWritesAreInvisibleOnAWalFile() {
    ConnectionFactory file = ConnectionFactories.get("r2dbc:sqlite:///" + dir.resolve("t.db"));
    Connection w = Db.connect(file);
    Connection r = Db.connect(file);
    try {
      Db.update(w, "CREATE TABLE t(x TEXT)");
      run(w, w.beginTransaction());
      Db.update(w, "INSERT INTO t VALUES ('new')");
      assertEquals(List.of(), xs(r));
      run(w, w.commitTransaction());
      assertEquals(List.of("new"), xs(r));
    } finally {
      Db.close(w);
      Db.close(r);
    }
  }

  @Test
  void readOnlyTransactionsRefuseWrites() {
    run(a, a.beginTransaction(definition(Map.of(TransactionDefinition.READ_ONLY, true))));
    assertEquals(List.of(), xs(a));
    assertThrows(R2dbcPermissionDeniedException.class,
        () -> Db.update(a, "INSERT INTO t VALUES ('no')"));
    run(a, a.commitTransaction());
    Db.update(a, "INSERT INTO t VALUES ('yes')");
    assertEquals(List.of("yes"), xs(a));
    assertEquals(0L, Db.query(a, "PRAGMA query_only", row -> row.get(0)).get(0));
  }

  @Test
  void closingMidTransactionRollsBackAndFreesThePermit() {
    Connection c = Db.connect(factory);
    run(c, c.beginTransaction());
    Db.update(c, "INSERT INTO t VALUES ('lost')");
    Db.close(c);
    assertEquals(List.of(), xs(a));
    run(b, b.setLockWaitTimeout(Duration.ofMillis(200)));
    run(b, b.beginTransaction());
    run(b, b.commitTransaction());
  }

  @Test
  void autoCommitOffRunsStatementsInATransaction() {
    run(a, a.setAutoCommit(false));
    assertTrue(a.isAutoCommit() == false);
    Db.update(a, "INSERT INTO t VALUES ('x')");
    run(a, a.rollbackTransaction());
    assertEquals(List.of(), xs(a));
    Db.update(a, "INSERT INTO t VALUES ('y')");
    run(a, a.commitTransaction());
    Db.update(a, "INSERT INTO t VALUES ('z')");
    run(a, a.setAutoCommit(true)); // commits the open transaction
    assertTrue(a.isAutoCommit());
    assertEquals(List.of("y", "z"), xs(b));
  }

  @Test
  void transactionStatementsInSqlAreTracked() {
    Db.update(a, "BEGIN");
    assertFalse(a.isAutoCommit());
    Db.update(a, "INSERT INTO t VALUES ('x')");
    Db.update(a, "ROLLBACK");
    assertTrue(a.isAutoCommit());
    Db.update(a, "SAVEPOINT s; INSERT INTO t VALUES ('y'); RELEASE s; COMMIT");
    assertTrue(a.isAutoCommit());
    assertEquals(List.of("y"), xs(b));
  }

  @Test
  void transactionsOfOneDatabaseTakeTurns() {
    run(a, a.beginTransaction());
    Db.update(a, "INSERT INTO t VALUES ('a')");
    CompletableFuture<Integer> bBegins = Mono.from(b.beginTransaction()).thenReturn(1)
        .subscribeOn(Schedulers.parallel()).toFuture();
    Db.update(a, "INSERT INTO t VALUES ('a2')");
    assertFalse(bBegins.isDone(), "b waits for a's transaction to end");
    run(a, a.commitTransaction());
    assertEquals(1, bBegins.join());
    Db.update(b, "INSERT INTO t VALUES ('b')");
    run(b, b.commitTransaction());
    assertEquals(List.of("a", "a2", "b"), xs(a));
  }

  @Test
  void waitingForThePermitTimesOut() {
    run(a, a.beginTransaction());
    run(b, b.setLockWaitTimeout(Duration.ofMillis(100)));
    R2dbcTransientResourceException waited = assertThrows(R2dbcTransientResourceException.class,
        () -> run(b, b.beginTransaction()));
    assertTrue(waited.getMessage().contains("busyTimeout"), waited.getMessage());
    assertThrows(R2dbcTransientResourceException.class,
        () -> Db.update(b, "INSERT INTO t VALUES ('b')"));
    assertThrows(R2dbcTransientResourceException.class, () -> run(b, b.beginTransaction(
        definition(Map.of(TransactionDefinition.LOCK_WAIT_TIMEOUT, Duration.ofMillis(50))))));
    run(a, a.commitTransaction());
    run(b, b.beginTransaction());
    run(b, b.commitTransaction());
  }

  @Test
  void aCancelledWaitGivesUpItsPlace() {
    run(a, a.beginTransaction());
    Disposable waiting = Mono.from(b.beginTransaction()).subscribeOn(Schedulers.parallel())
        .subscribe();
    waiting.dispose();
    run(a, a.commitTransaction());
    Connection c = Db.connect(factory);
    try {
      run(c, c.setLockWaitTimeout(Duration.ofMillis(500)));
      run(c, c.beginTransaction());
      run(c, c.commitTransaction());
      assertTrue(b.isAutoCommit(), "the cancelled begin did not run");
    } finally {
      Db.close(c);
    }
  }

  @Test
  void aFailedCommitRollsBack() {
    Db.update(a, "CREATE TABLE parent(id INTEGER PRIMARY KEY)");
    Db.update(a, "CREATE TABLE child(p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY "
        + "DEFERRED)");
    run(a, a.beginTransaction());
    Db.update(a, "INSERT INTO child VALUES (99)");
    R2dbcDataIntegrityViolationException fk = assertThrows(
        R2dbcDataIntegrityViolationException.class, () -> run(a, a.commitTransaction()));
    assertEquals("23503", fk.getSqlState());
    assertTrue(a.isAutoCommit());
    assertEquals(0, Db.count(a, "child"));
    run(b, b.setLockWaitTimeout(Duration.ofMillis(200)));
    run(b, b.beginTransaction()); // the permit was released
    run(b, b.rollbackTransaction());
  }

  @Test
  void nullArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> a.beginTransaction(null));
    assertThrows(IllegalArgumentException.class, () -> a.createSavepoint(null));
    assertThrows(IllegalArgumentException.class, () -> a.setTransactionIsolationLevel(null));
    assertInstanceOf(IllegalArgumentException.class,
        assertThrows(IllegalArgumentException.class, () -> a.createStatement(null)));
  }
}
