package io.toasty.tck;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.reactive.Db;
import io.toasty.tck.models.Docs;
import io.toasty.tck.models.Serials;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The harness keeps a test class's database between runs on the backends that
 * {@link Backend#empties}: the next run finds it empty, its identity counters restarted; a run
 * that made it dirty (a schema reset), failed, or is {@link FreshDatabase} is followed by a run
 * on a fresh database. On this build's backends ({@code -Dtoasty.tck.backends}).
 */
class KeptDatabaseTest {

  /** Run through a nested launcher only (surefire skips nested classes), in this order. */
  @Models({Docs.class, Serials.class})
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  public static class Fixture {
    /** Per backend, the database each run had, in run order. */
    static final Map<String, List<String>> DATABASES = new ConcurrentHashMap<>();
    /** Per backend with identity keys, the first key a fresh table generated. */
    static final Map<String, Long> FIRST_KEY = new ConcurrentHashMap<>();

    private static void note(BackendContext cx) {
      DATABASES.computeIfAbsent(cx.backend().name(), b -> new ArrayList<>()).add(cx.database());
    }

    private static void fill(Db db, BackendContext cx) {
      for (int i = 0; i < 3; i++) {
        await(Docs.create().title("d" + i).exec(db));
        if (cx.capability().identityKeys()) {
          long id = await(Serials.create().name("s" + i).exec(db)).id();
          FIRST_KEY.putIfAbsent(cx.backend().name(), id);
        }
      }
    }

    private static void assertFresh(Db db, BackendContext cx) {
      assertEquals(List.of(), await(Docs.all().collect(db)), "a kept table is emptied");
      if (cx.capability().identityKeys()) {
        assertEquals(List.of(), await(Serials.all().collect(db)));
        assertEquals(FIRST_KEY.get(cx.backend().name()),
            await(Serials.create().name("again").exec(db)).id(), "the identity restarts");
      }
    }

    @BackendTest
    @Order(1)
    public void fills(Db db, BackendContext cx) {
      note(cx);
      fill(db, cx);
    }

    @BackendTest
    @Order(2)
    public void findsItEmpty(Db db, BackendContext cx) {
      note(cx);
      assertFresh(db, cx);
      fill(db, cx);
    }

    @BackendTest
    @Order(3)
    public void resetsTheSchema(Db db, BackendContext cx) {
      note(cx);
      await(db.schema().reset());
    }

    @BackendTest
    @Order(4)
    public void getsAFreshOneAfterAReset(Db db, BackendContext cx) {
      note(cx);
      assertFresh(db, cx);
      fill(db, cx);
    }

    @BackendTest
    @Order(5)
    @FreshDatabase
    public void asksForAFreshOne(Db db, BackendContext cx) {
      note(cx);
      assertFresh(db, cx);
    }

    @BackendTest
    @Order(6)
    public void findsTheKeptOneAfterAFreshRun(Db db, BackendContext cx) {
      note(cx);
      assertFresh(db, cx);
      fill(db, cx);
    }

    @BackendTest
    @Order(7)
    public void failsOnPurpose(Db db, BackendContext cx) {
      note(cx);
      throw new AssertionError("on purpose");
    }

    @BackendTest
    @Order(8)
    public void getsAFreshOneAfterAFailure(Db db, BackendContext cx) {
      note(cx);
      assertFresh(db, cx);
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // eight runs on each backend, Neo4j started
  void aKeptDatabaseIsEmptiedAndADirtyOneReplaced() {
    Fixture.DATABASES.clear();
    Fixture.FIRST_KEY.clear();
    Map<String, TestExecutionResult> results = FixtureLaunch.run(Fixture.class);
    List<Backend> backends = BackendExtension.backends();
    assertEquals(8 * backends.size(), results.size(), results::toString);
    results.forEach((run, result) -> assertEquals(run.endsWith("] failsOnPurpose")
        ? TestExecutionResult.Status.FAILED : TestExecutionResult.Status.SUCCESSFUL,
        result.getStatus(), () -> run + ": " + result.getThrowable()));
    for (Backend b : backends) {
      List<String> d = Fixture.DATABASES.get(b.name());
      assertEquals(8, d.size(), d::toString);
      if (!b.empties()) {
        assertEquals(8, new HashSet<>(d).size(), b + ": a fresh database each run");
        continue;
      }
      assertEquals(d.get(0), d.get(1), b + ": a clean run's database is kept");
      assertEquals(d.get(1), d.get(2), b + ": and kept again");
      assertNotEquals(d.get(2), d.get(3), b + ": after a reset, a fresh database");
      assertTrue(!d.subList(0, 4).contains(d.get(4)), b + ": @FreshDatabase gets a fresh one");
      assertEquals(d.get(3), d.get(5), b + ": the kept one after the fresh one");
      assertEquals(d.get(5), d.get(6), b + ": and kept again");
      assertNotEquals(d.get(6), d.get(7), b + ": after a failed run, a fresh database");
    }
  }
}
