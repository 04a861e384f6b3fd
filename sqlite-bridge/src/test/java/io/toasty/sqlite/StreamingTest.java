package io.toasty.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Rows are read as they are asked for; cancelling closes the cursor. */
class StreamingTest {
  private static final int ROWS = 10_000;
  private static final String FILL = "INSERT INTO n WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL "
      + "SELECT i + 1 FROM s WHERE i < " + ROWS + ") SELECT i FROM s";

  @TempDir
  Path dir;
  private ConnectionFactory factory;
  private Connection c;

  @BeforeEach
  void open() {
    factory = Db.memory();
    c = Db.connect(factory);
    Db.update(c, "CREATE TABLE n(i INTEGER PRIMARY KEY)");
    assertEquals(ROWS, Db.update(c, FILL));
  }

  @AfterEach
  void close() {
    Db.close(c);
  }

  private static Flux<Long> numbers(Connection connection, int fetchSize) {
    return Flux.from(connection.createStatement("SELECT i FROM n ORDER BY i")
            .fetchSize(fetchSize).execute())
        .concatMap(r -> r.map(row -> row.get(0, Long.class)));
  }

  /** Waits until every task queued so far on the connection's bridge thread has run. */
  /** A subscriber that asks for what the test tells it to, and records what it gets. */
  private static final class Probe extends BaseSubscriber<Long> {
    final List<Long> received = new CopyOnWriteArrayList<>();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    final CountDownLatch done = new CountDownLatch(1);
    volatile CountDownLatch arrived;
    private final long initial;

    Probe(long initial) {
      this.initial = initial;
      this.arrived = new CountDownLatch((int) initial);
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
      subscription.request(initial);
    }

    @Override
    protected void hookOnNext(Long value) {
      received.add(value);
      arrived.countDown();
    }

    @Override
    protected void hookOnError(Throwable throwable) {
      error.set(throwable);
      done.countDown();
    }

    @Override
    protected void hookOnComplete() {
      done.countDown();
    }

    void awaitArrived() throws InterruptedException {
      assertTrue(arrived.await(30, TimeUnit.SECONDS), "rows did not arrive: " + received.size());
    }

    void more(int n) {
      arrived = new CountDownLatch(n);
      request(n);
    }
  }

  @Test
  void requestOneReadsOneBatchNotTheTable() throws InterruptedException {
    JdbcSession session = Db.unwrap(c).session();
    long before = session.rowsRead();
    Probe probe = new Probe(1);
    numbers(c, 16).subscribeOn(Schedulers.parallel()).subscribe(probe);
    probe.awaitArrived();
    Db.flush(c);
    long read = session.rowsRead() - before;
    assertEquals(List.of(1L), probe.received);
    assertTrue(read >= 1 && read <= 16, "read " + read + " rows for a request of 1");

    probe.more(100);
    probe.awaitArrived();
    Db.flush(c);
    read = session.rowsRead() - before;
    assertEquals(101, probe.received.size());
    assertTrue(read <= 101 + 16, "read " + read + " rows for requests of 101");
    assertEquals(1, session.openCursors());

    probe.cancel();
    Db.flush(c);
    assertEquals(0, session.openCursors(), "cancelling closed the cursor");
    long afterCancel = session.rowsRead();
    Db.flush(c);
    assertEquals(afterCancel, session.rowsRead(), "nothing is read after cancel");
    assertEquals(ROWS, Db.count(c, "n"), "the connection still works");
  }

  @Test
  void defaultFetchSizeBoundsReadAhead() throws InterruptedException {
    JdbcSession session = Db.unwrap(c).session();
    long before = session.rowsRead();
    Probe probe = new Probe(1);
    Flux.from(c.createStatement("SELECT i FROM n").execute())
        .concatMap(r -> r.map(row -> row.get(0, Long.class)))
        .subscribeOn(Schedulers.parallel()).subscribe(probe);
    probe.awaitArrived();
    Db.flush(c);
    long read = session.rowsRead() - before;
    assertTrue(read <= SqliteConfiguration.DEFAULT_FETCH_SIZE, "read " + read);
    probe.cancel();
    Db.flush(c);
    assertEquals(0, session.openCursors());
  }

  @Test
  void everyRowArrivesInOrder() {
    List<Long> all = Db.awaitAll(numbers(c, 100));
    assertEquals(ROWS, all.size());
    for (int i = 0; i < ROWS; i++) {
      assertEquals(i + 1, all.get(i));
    }
  }

  @Test
  void cancelMidStreamReleasesTheTableForOtherConnections() {
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), Db.awaitAll(numbers(c, 8).take(5)));
    Db.flush(c);
    assertEquals(0, Db.unwrap(c).session().openCursors());
    Connection other = Db.connect(factory);
    try {
      // a cursor left open would hold a shared-cache read lock on n: the delete would wait
      Db.await(Mono.from(other.setLockWaitTimeout(Duration.ofMillis(200))));
      assertEquals(ROWS, Db.update(other, "DELETE FROM n"));
    } finally {
      Db.close(other);
    }
  }

  @Test
  void aSlowReaderDoesNotHoldTheBridgeThread() throws InterruptedException {
    Connection other = Db.connect(factory);
    try {
      Db.update(other, "CREATE TABLE log(x)");
      Probe probe = new Probe(1);
      numbers(c, 16).subscribeOn(Schedulers.parallel()).subscribe(probe);
      probe.awaitArrived();
      for (int i = 0; i < 20; i++) {
        Db.update(other, "INSERT INTO log VALUES (?)", i);
      }
      assertEquals(20, Db.count(other, "log"));
      probe.more(10);
      probe.awaitArrived();
      assertEquals(11, probe.received.size());
      probe.cancel();
    } finally {
      Db.close(other);
    }
  }

  @Test
  void onAWalFileAWriterChangesTheTableAReaderStreams() throws InterruptedException {
    ConnectionFactory file = ConnectionFactories.get("r2dbc:sqlite:///" + dir.resolve("w.db"));
    Connection reader = Db.connect(file);
    Connection writer = Db.connect(file);
    try {
      Db.update(reader, "CREATE TABLE n(i INTEGER PRIMARY KEY)");
      Db.update(reader, FILL);
      Probe probe = new Probe(1);
      numbers(reader, 16).subscribeOn(Schedulers.parallel()).subscribe(probe);
      probe.awaitArrived();
      Db.await(Mono.from(writer.setLockWaitTimeout(Duration.ofMillis(200))));
      assertEquals(ROWS, Db.update(writer, "DELETE FROM n"));
      probe.more(ROWS);
      assertTrue(probe.done.await(30, TimeUnit.SECONDS));
      assertEquals(ROWS, probe.received.size(), "the reader keeps its snapshot");
    } finally {
      Db.close(reader);
      Db.close(writer);
    }
  }

  @Test
  void closingTheConnectionEndsAStreamWithAnError() throws InterruptedException {
    Connection own = Db.connect(factory);
    Probe probe = new Probe(1);
    numbers(own, 16).subscribeOn(Schedulers.parallel()).subscribe(probe);
    probe.awaitArrived();
    Db.close(own);
    probe.more(ROWS); // the rows read before the close come first, then the error
    assertTrue(probe.done.await(30, TimeUnit.SECONDS));
    assertInstanceOf(R2dbcNonTransientResourceException.class, probe.error.get());
    assertTrue(probe.received.size() <= 16, "received " + probe.received.size());
  }
}
