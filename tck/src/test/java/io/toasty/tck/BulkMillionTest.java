package io.toasty.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.reactive.Db;
import io.toasty.stmt.ExprNode;
import io.toasty.tck.models.Pet;
import io.toasty.tck.models.PetCreate;
import io.toasty.tck.models.Pets;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;

/**
 * Streams {@code toasty.bulk.rows} rows (1,000,000 unless set lower) through {@code createAll}
 * into PostgreSQL and SQLite, in a JVM of at most 64 MB heap (its own surefire execution, profile
 * {@code bulk-heap} in tck/pom.xml; checked first, so that the bound cannot silently go away),
 * then reads every row back and checks it; then cancels a second stream at a random chunk and
 * checks that only whole chunks were stored. A million rows take a minute or more on a shared
 * PostgreSQL, beyond the TCK's default timeout of 120 s per test.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class BulkMillionTest {
  private static final int ROWS = Integer.getInteger("toasty.bulk.rows", 1_000_000);
  private static final Duration LIMIT = Duration.ofMinutes(30);
  /** -Xmx64m, and a little over: a JVM may report slightly more than its -Xmx. */
  private static final long MAX_HEAP = 66L << 20;

  @BeforeAll
  static void theHeapIsBounded() {
    long max = Runtime.getRuntime().maxMemory();
    assertTrue(max <= MAX_HEAP, () -> "the stream must run in a heap of 64 MB (-Xmx64m, the"
        + " bulk-heap execution of tck/pom.xml), but the heap may grow to " + (max >> 20) + " MB");
  }

  @Test
  void postgresql() {
    run(ServerBackend.postgresql());
  }

  @Test
  void sqlite() {
    run(SqliteFileBackend.INSTANCE);
  }

  private static void run(Backend backend) {
    String database = "bulk_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
    Db db = backend.open(new Backend.Request(List.of(Pets.MODEL), database, 4, 64,
        UnaryOperator.identity()));
    try {
      db.schema().push().block(LIMIT);
      int chunk = db.bulkChunkRows(Pets.MODEL);
      long start = System.nanoTime();
      long created = Pets.createAll(Flux.range(0, ROWS).map(BulkMillionTest::pet)).exec(db)
          .index()
          .doOnNext(t -> {
            if (t.getT1() != t.getT2().id()) {
              throw new AssertionError("record " + t.getT1() + " came back as " + t.getT2());
            }
          })
          .count().block(LIMIT);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(ROWS, created);
      checkEveryRow(db);
      long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      System.out.printf("[bulk] %s: %,d rows in %,d ms (%,d rows/s), chunks of %d, heap max %d MB,"
          + " used %d MB%n", backend.name(), ROWS, millis, ROWS * 1000L / Math.max(1, millis),
          chunk, Runtime.getRuntime().maxMemory() >> 20, used >> 20);
      cancelAtARandomChunk(db, chunk);
    } finally {
      db.close().block(LIMIT);
      backend.dispose(database).block(LIMIT);
    }
  }

  private static PetCreate pet(int i) {
    return Pets.create().id(i).ownerId(i % 97).name("p" + i)
        .note(i % 3 == 0 ? Optional.empty() : Optional.of("n" + i));
  }

  /** Every row once, each as created: streamed back, checked, and marked in a bit set. */
  private static void checkEveryRow(Db db) {
    BitSet seen = new BitSet(ROWS);
    long sum = Pets.all().stream(db).map(p -> {
      int i = (int) p.id();
      assertTrue(i >= 0 && i < ROWS && !seen.get(i), "unexpected or repeated row " + p);
      seen.set(i);
      assertEquals(pet(i).row(), petRow(p), "row " + i);
      return p.id();
    }).reduce(0L, Long::sum).block(LIMIT);
    assertEquals(ROWS, seen.cardinality());
    assertEquals((long) ROWS * (ROWS - 1) / 2, sum, "checksum of the keys");
  }

  private static ExprNode.Record petRow(Pet p) {
    return Pets.create().id(p.id()).ownerId(p.ownerId()).name(p.name()).note(p.note()).row();
  }

  private static void cancelAtARandomChunk(Db db, int chunk) {
    int from = ROWS;
    int take = ThreadLocalRandom.current().nextInt(1, 10 * chunk);
    long got = Pets.createAll(Flux.range(from, 100 * chunk).map(BulkMillionTest::pet)).exec(db)
        .take(take).count().block(LIMIT);
    assertEquals(take, got);
    long stored = Pets.filter(Pets.ID.ge((long) from)).stream(db).count().block(LIMIT);
    assertEquals(0, stored % chunk, () -> stored + " rows stored: a chunk of " + chunk
        + " was stored in part");
    assertTrue(stored >= take && stored <= take + 2L * chunk, () -> stored + " rows stored after "
        + "taking " + take);
  }
}
