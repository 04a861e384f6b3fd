package io.toasty.tck.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.toasty.Change;
import io.toasty.driver.Operation;
import io.toasty.error.InvalidModelException;
import io.toasty.error.InvalidResumeTokenException;
import io.toasty.migrate.MigrationGenerator;
import io.toasty.migrate.Migrator;
import io.toasty.reactive.Db;
import io.toasty.reactive.RetryPolicy;
import io.toasty.schema.Schema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.Query;
import io.toasty.tck.Backend;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.FreshDatabase;
import io.toasty.tck.LeakWatch;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.Sessions;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Chore;
import io.toasty.tck.models.Chores;
import io.toasty.tck.models.Memos;
import io.toasty.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.parallel.ResourceLock;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Change streams ({@code Chores.changes(db)}): created, updated and deleted records seen in
 * order, each key's changes in the order of its writes; a rolled-back transaction seen not at all; a
 * cancelled stream leaves no connection behind on the server; a listener whose session the
 * server ended listens again and reports the gap; a table made by a generated migration (no
 * schema push) reports its changes; a stream resumed after a change's token gives the changes
 * committed after it while nobody listened, then the live ones, none twice. Every wait is for the next change, bounded
 * only by the TCK's timeout.
 *
 * <p>PostgreSQL follows changes with a trigger and {@code LISTEN}/{@code NOTIFY}, DynamoDB with
 * the table's stream (DynamoDB Streams); the other backends refuse with
 * {@link io.toasty.Feature#CHANGE_STREAMS} before anything is sent.
 */
@FreshDatabase
@Models(Chores.class)
@Requires(Need.CHANGE_STREAMS)
@ResourceLock(LeakWatch.LEVEL)
public abstract class ChangeStreamScenarios {
  /** The subscribers that share each read. */
  static final int SHARING = 20;

  /** Creates, updates and deletes of two keys: each seen, in commit order, with its record. */
  @BackendTest
  public void changesAreSeenInCommitOrderWithTheirRecords(Db db) {
    try (Watch watch = Watch.of(db)) {
      Tck.await(Chores.create().code("a").title("sweep").points(1).exec(db));
      Change<Chore> created = watch.next();
      assertEquals(Change.Kind.CREATED, created.kind());
      assertEquals(key("a"), created.key());
      assertEquals(new Chore("a", "sweep", 1), created.record());
      assertNull(created.old());

      Tck.await(Chores.updateByCode("a").points(2).exec(db));
      Change<Chore> updated = watch.next();
      assertEquals(Change.Kind.UPDATED, updated.kind());
      assertEquals(new Chore("a", "sweep", 2), updated.record());
      // old() where the backend tells it (DynamoDB's old image; PostgreSQL's notices carry keys)
      assertTrue(updated.old() == null || updated.old().equals(new Chore("a", "sweep", 1)),
          () -> "the record before the update, if given: " + updated.old());

      Tck.await(Chores.deleteByCode("a").exec(db));
      Change<Chore> deleted = watch.next();
      assertEquals(Change.Kind.DELETED, deleted.kind());
      assertEquals(key("a"), deleted.key());
      assertNull(deleted.record());
      assertTrue(created.position() < updated.position()
          && updated.position() < deleted.position(), "positions in commit order");
    }
  }

  /**
   * Thirty writes of three keys sent one after the other without waiting for their changes: the
   * changes of each key come in the order of its writes, with rising positions. (Each key's order
   * is what every backend promises: PostgreSQL keeps all of them in commit order, DynamoDB
   * Streams a key's within its shard.)
   */
  @BackendTest
  public void eachKeysChangesComeInOrder(Db db) {
    List<String> written = new ArrayList<>();
    try (Watch watch = Watch.of(db)) {
      for (String code : List.of("k1", "k2", "k3")) {
        Tck.await(Chores.create().code(code).title("t").points(0).exec(db));
        written.add("CREATED " + code);
      }
      for (int round = 1; round <= 8; round++) {
        for (String code : List.of("k1", "k2", "k3")) {
          Tck.await(Chores.updateByCode(code).points(round).exec(db));
          written.add("UPDATED " + code);
        }
      }
      for (String code : List.of("k2", "k1", "k3")) {
        Tck.await(Chores.deleteByCode(code).exec(db));
        written.add("DELETED " + code);
      }
      List<String> seen = new ArrayList<>();
      Map<Value.Record, Long> last = new HashMap<>();
      for (int i = 0; i < written.size(); i++) {
        Change<Chore> c = watch.next();
        seen.add(c.kind() + " " + ((Value.Str) c.key().get(0)).value());
        Long before = last.put(c.key(), c.position());
        assertTrue(before == null || before < c.position(), "positions rise per key");
      }
      for (String code : List.of("k1", "k2", "k3")) {
        assertEquals(ofKey(written, code), ofKey(seen, code), "the changes of " + code);
      }
    }
  }

  /** A transaction rolled back after its insert: no change; the next committed one is seen. */
  @BackendTest
  @Requires({Need.CHANGE_STREAMS, Need.INTERACTIVE_TRANSACTIONS})
  public void aRolledBackTransactionEmitsNothing(Db db) {
    try (Watch watch = Watch.of(db)) {
      IllegalStateException abort = new IllegalStateException("roll back");
      Tck.failure(IllegalStateException.class, () -> db.transactionMono(tx -> Chores.create()
          .code("gone").title("never").points(0).exec(tx).then(Mono.error(abort))));
      assertEquals(0L, Tck.await(Chores.filterByCode("gone").count(db)));
      Tck.await(Chores.create().code("kept").title("kept").points(0).exec(db));
      Change<Chore> next = watch.next();
      assertEquals(Change.Kind.CREATED, next.kind());
      assertEquals(key("kept"), next.key(), "the first change after the rollback");
    }
  }

  /**
   * Subscribers of one model's changes share each read of the changed records: three creates,
   * each written once every subscriber saw the last (one notification batch each), make three
   * reads for all {@value #SHARING} subscribers, not one per subscriber; each still sees every
   * change with its record.
   */
  @BackendTest
  public void subscribersOfOneModelShareEachReadOfTheRecords(BackendContext cx) {
    BackendContext.Opened opened = cx.open();
    Db db = opened.db();
    List<Watch> watches = new ArrayList<>();
    try {
      for (int i = 0; i < SHARING; i++) {
        watches.add(Watch.of(db));
      }
      opened.log().clear();
      for (int k = 0; k < 3; k++) {
        String code = "shared" + k;
        Tck.await(Chores.create().code(code).title("t").points(k).exec(db));
        for (Watch watch : watches) {
          Change<Chore> created = watch.next();
          assertEquals(key(code), created.key());
          assertEquals(new Chore(code, "t", k), created.record());
        }
      }
      List<Operation> reads = opened.log().operations().stream()
          .filter(ChangeStreamScenarios::reads).toList();
      assertEquals(3, reads.size(), () -> "reads of the changed records: " + reads);
    } finally {
      watches.forEach(Watch::close);
    }
  }

  /** Whether {@code op} reads records (a query, by key or not). */
  private static boolean reads(Operation op) {
    return op instanceof Operation.QuerySql q && q.statement() instanceof Query
        || op instanceof Operation.GetByKey
        || op instanceof Operation.QueryPk || op instanceof Operation.Scan;
  }

  /**
   * The listener is one connection of the server's, outside the pool, while the stream lives,
   * and gone once it is cancelled.
   */
  @BackendTest
  @Requires({Need.CHANGE_STREAMS, Need.SERVER_SESSIONS})
  public void cancellingClosesTheListenConnection(BackendContext cx, Backend backend) {
    BackendContext.Opened opened = cx.open();
    FaultChecks.refuseWithoutSessions(backend, opened.database());
    Db db = opened.db();
    FaultChecks.idle(db, "before the stream");
    int before = Tck.await(backend.serverConnections(opened.database()));
    Watch watch = Watch.of(db);
    assertEquals(before + 1, Tck.await(backend.serverConnections(opened.database())),
        "server connections while the stream listens");
    assertEquals(0, db.poolState().map(p -> p.acquired()).orElse(0),
        "pooled connections the stream holds");
    watch.close();
    Tck.eventually("the listen connection is gone from the server",
        () -> Tck.await(backend.serverConnections(opened.database())) == before);
  }

  /**
   * The listener's session ended by the server: the stream listens again, reports a
   * {@link Change.Kind#GAP}, and sees the changes committed after it.
   */
  @BackendTest
  @Requires({Need.CHANGE_STREAMS, Need.SERVER_SESSIONS})
  public void aKilledListenerListensAgainAndReportsTheGap(BackendContext cx, Backend backend) {
    BackendContext.Opened opened = cx.open();
    FaultChecks.refuseWithoutSessions(backend, opened.database());
    Db db = opened.db();
    try (Watch watch = Watch.of(db)) {
      for (int round = 0; round < 3; round++) {
        FaultChecks.idle(db, "before kill " + round);
        int before = Tck.await(backend.serverConnections(opened.database()));
        int killed = Tck.await(backend.killSessions(opened.database(), Sessions.IDLE));
        assertTrue(killed >= 1, "sessions the kill ended");
        assertEquals(Change.Kind.GAP, watch.nextAny().kind(), "after kill " + round);
        // the killed sessions gone (an idle pooled one then is never used), the listener back
        Tck.eventually("the " + killed + " killed sessions are gone, the listener back",
            () -> Tck.await(backend.serverConnections(opened.database())) <= before - killed + 1);
        String code = "after" + round;
        // as a service would: a pooled idle session the kill ended may not have told the
        // client yet, and a statement on it fails as a lost connection (FaultScenarios)
        Tck.await(Chores.create().code(code).title("t").points(round)
            .exec(db.retrying(RetryPolicy.transientErrors(3))));
        Change<Chore> next = watch.next();
        assertEquals(key(code), next.key());
        assertEquals(new Chore(code, "t", round), next.record());
      }
    }
  }

  /**
   * A table whose change trigger is gone (dropped by hand, or by a migration of the model
   * without {@code changes = true}): the stream fails with an {@link InvalidModelException} naming the table, instead of
   * listening to a channel nothing notifies; schema push puts the trigger back.
   */
  @BackendTest
  @Requires({Need.CHANGE_STREAMS, Need.SQL})
  public void aTableWithoutItsTriggerIsRefusedByName(Db db, BackendContext cx) {
    Watch.of(db).close();
    cx.executeSql("DROP TRIGGER toasty_changes ON " + cx.quote("chores"));
    try {
      InvalidModelException refused = Tck.failure(InvalidModelException.class,
          () -> Chores.changes(db).next());
      assertTrue(refused.getMessage().contains("chores"), refused.getMessage());
    } finally {
      Tck.await(db.schema().push());
    }
    Watch.of(db).close();
  }

  /**
   * The chores' table made by a generated migration on a database schema push never touched:
   * the migration follows its changes, and a stream sees a create; the next migration, of the
   * model without {@code changes = true}, stops following them (the stream is refused by the
   * table's name), and its rollback follows them again.
   */
  @BackendTest
  @Requires({Need.CHANGE_STREAMS, Need.MIGRATIONS})
  public void aTableMadeByAMigrationReportsItsChanges(BackendContext cx) throws IOException {
    Path dir = Files.createTempDirectory("toasty-changes");
    MigrationGenerator generator = MigrationGenerator.of(dir);
    ModelSchema followed = Chores.MODEL.schema();
    ModelSchema unfollowed = new ModelSchema(followed.name(), followed.javaClass(),
        followed.tableName(), followed.fields(), followed.primaryKey(), followed.indexes(),
        followed.relations());
    assertEquals(Optional.of(1), generator.generate(Schema.of(List.of(followed)), "chores"));
    assertEquals(Optional.of(2), generator.generate(Schema.of(List.of(unfollowed)), "unfollow"));
    BackendContext.Opened other = cx.open(List.of(Memos.MODEL));
    Migrator migrator = Migrator.of(other.db(), dir);
    assertEquals(List.of(1), Tck.await(migrator.apply(1)));
    Db migrated = cx.backend().open(new Backend.Request(List.of(Chores.MODEL),
        other.database(), 2, BackendContext.DEFAULT_PLAN_CACHE_SIZE, d -> d));
    try {
      seesACreate(migrated, "migrated");
      assertEquals(List.of(2), Tck.await(migrator.apply()));
      InvalidModelException refused = Tck.failure(InvalidModelException.class,
          () -> Chores.changes(migrated).next());
      assertTrue(refused.getMessage().contains("chores"), refused.getMessage());
      assertEquals(List.of(2), Tck.await(migrator.rollback(1)));
      seesACreate(migrated, "rolled back");
    } finally {
      migrated.close().block(Tck.TIMEOUT);
    }
  }

  private static void seesACreate(Db db, String code) {
    try (Watch watch = Watch.of(db)) {
      Tck.await(Chores.create().code(code).title("t").points(0).exec(db));
      Change<Chore> created = watch.next();
      assertEquals(Change.Kind.CREATED, created.kind());
      assertEquals(new Chore(code, "t", 0), created.record());
    }
  }

  /**
   * A stream cancelled after seeing a create; an update it saw, then a create and an update of
   * another key while nobody listens: a stream resumed after the create's token gives, after
   * {@code LISTENING}, the three later changes in each key's order (the update seen before
   * once, not twice), then a live create. A token that is no change's is refused as bad input.
   */
  @BackendTest
  public void aStreamResumesAfterAToken(Db db) {
    String token;
    try (Watch watch = Watch.of(db)) {
      Tck.await(Chores.create().code("r1").title("t").points(0).exec(db));
      token = watch.next().resumeToken();
      Tck.await(Chores.updateByCode("r1").points(1).exec(db));
      assertEquals(Change.Kind.UPDATED, watch.next().kind());
    }
    Tck.await(Chores.create().code("r2").title("t").points(0).exec(db));
    Tck.await(Chores.updateByCode("r2").points(2).exec(db));
    try (Watch resumed = Watch.after(db, token)) {
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Change<Chore> c = resumed.next();
        seen.add(c.kind() + " " + ((Value.Str) c.key().get(0)).value());
      }
      assertEquals(List.of("UPDATED r1"), ofKey(seen, "r1"), "after the token, r1's");
      assertEquals(List.of("CREATED r2", "UPDATED r2"), ofKey(seen, "r2"), "r2's, unseen");
      Tck.await(Chores.create().code("r3").title("live").points(3).exec(db));
      Change<Chore> live = resumed.next();
      assertEquals(key("r3"), live.key(), "the live change next, nothing twice before it");
      assertEquals(new Chore("r3", "live", 3), live.record());
    }
    InvalidResumeTokenException refused = Tck.failure(InvalidResumeTokenException.class,
        () -> Chores.changesAfter(db, "not-a-token/7").next());
    assertTrue(refused.getMessage().contains("not-a-token"), refused.getMessage());
  }

  /**
   * PostgreSQL's change log trimmed past a token ({@code toasty_trim_changes}), a change after
   * the token trimmed with it: the resumed stream reports a {@link Change.Kind#GAP} after
   * {@code LISTENING}, then the changes the log still holds.
   */
  @BackendTest
  @Requires({Need.CHANGE_STREAMS, Need.SQL})
  public void aTokenPastTheTrimmedLogResumesWithAGap(Db db, BackendContext cx) {
    String token;
    try (Watch watch = Watch.of(db)) {
      Tck.await(Chores.create().code("old").title("t").points(0).exec(db));
      token = watch.next().resumeToken();
      Tck.await(Chores.create().code("trimmed").title("t").points(0).exec(db));
      assertEquals(key("trimmed"), watch.next().key());
    }
    cx.executeSql("SELECT toasty_trim_changes(interval '0 seconds')");
    Tck.await(Chores.create().code("kept").title("t").points(0).exec(db));
    try (Watch resumed = Watch.after(db, token)) {
      assertEquals(Change.Kind.GAP, resumed.nextAny().kind(), "the trimmed changes");
      assertEquals(key("kept"), resumed.next().key());
    }
  }

  /**
   * A model without {@code @Model(changes = true)}: no trigger reports its changes, so its
   * stream fails with an {@link InvalidModelException} naming it, before anything is sent.
   */
  @BackendTest
  public void aModelWithoutChangesIsRefusedByName(BackendContext cx) {
    Db db = cx.open(List.of(Memos.MODEL)).db();
    InvalidModelException refused = Tck.failure(InvalidModelException.class,
        () -> db.changes(Memos.MODEL).next());
    assertEquals(Optional.of("Memo"), refused.model());
  }

  private static List<String> ofKey(List<String> changes, String code) {
    return changes.stream().filter(c -> c.endsWith(" " + code)).toList();
  }

  private static Value.Record key(String code) {
    return Value.Record.of(new Value.Str(code));
  }

  /**
   * A stream of the chores' changes (or of another model's), subscribed until closed, its
   * changes queued; opened once the stream listens ({@link Change.Kind#LISTENING}).
   */
  static final class Watch implements AutoCloseable {
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Disposable subscription;

    private Watch(Flux<?> changes) {
      this.subscription = changes.subscribe(queue::add, queue::add,
          () -> queue.add("completed"));
    }

    static Watch of(Db db) {
      return of(Chores.changes(db));
    }

    /** The stream resumed after {@code token}. */
    static Watch after(Db db, String token) {
      return of(Chores.changesAfter(db, token));
    }

    /** A watch of {@code changes}, whose changes {@link #next} gives as the caller's type. */
    static Watch of(Flux<?> changes) {
      Watch watch = new Watch(changes);
      assertEquals(Change.Kind.LISTENING, watch.nextAny().kind(), "the stream's first signal");
      return watch;
    }

    /** The next change of a record. */
    <T> Change<T> next() {
      Change<T> c = nextAny();
      assertTrue(c.isRecordChange(), () -> "a record's change, not " + c);
      assertNotNull(c.key());
      return c;
    }

    /** The next signal, which must be a change or a mark. */
    @SuppressWarnings("unchecked")
    <T> Change<T> nextAny() {
      Object next;
      try {
        next = queue.poll(Tck.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for a change", e);
      }
      if (next instanceof Change<?> c) {
        return (Change<T>) c;
      }
      if (next instanceof RuntimeException e) {
        throw e;
      }
      if (next instanceof Throwable t) {
        throw new AssertionError(t);
      }
      return fail(next == null ? "no change within " + Tck.TIMEOUT : "the stream " + next);
    }

    @Override
    public void close() {
      subscription.dispose();
    }
  }
}
