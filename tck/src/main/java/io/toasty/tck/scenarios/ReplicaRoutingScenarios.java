package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.ModelDef;
import io.toasty.driver.PoolState;
import io.toasty.reactive.Db;
import io.toasty.reactive.ReadYourWrites;
import io.toasty.reactive.ReplicaPolicy;
import io.toasty.reactive.ReplicaRoute;
import io.toasty.reactive.ReplicaRoute.Why;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.TxOptions;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Db} with a read replica (docs/databases.md#read-replicas): reads outside a transaction
 * and read-only transactions on the replica, writes and read-write transactions on the primary,
 * a request's reads after its writes on the primary, a replica that is down or lags beyond the
 * limit skipped.
 *
 * <p>On PostgreSQL the replica is the streaming replica .ci/pg-replica makes on port 5433, and
 * the scenarios fail where it does not answer. Elsewhere (single node) the replica is a second
 * {@code Db} on the scenario's database: every route is taken for real, and the replica's own
 * operation log shows what it served; a lagging replica is one whose lag query reports 60 s.
 */
@Models(Users.class)
public abstract class ReplicaRoutingScenarios {
  private static final String REPLICA = "replica-0";
  private static final ReplicaPolicy TESTING = ReplicaPolicy.defaults().probeEvery(Duration.ZERO);

  @BackendTest
  public void readsGoToTheReplicaAndWritesToThePrimary(Db db, BackendContext context) {
    Nodes n = nodes(db, context, TESTING);
    User ann = Fixtures.user(n.routed(), "ann");
    assertEquals(1, count(n, ReplicaRoute.PRIMARY, Why.WRITE));
    n.replicated(db);
    n.primaryLog().clear();
    n.clearReplicaLog();
    assertEquals(ann, await(Users.getById(n.routed(), ann.id())));
    assertEquals(1, count(n, REPLICA, Why.READ), n.routed().routeCounts()::toString);
    assertEquals(0, n.primaryLog().size(), n.primaryLog()::toString);
    n.assertReplicaServed(2); // its check (a health round trip) and the read
  }

  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void readOnlyTransactionsGoToTheReplica(Db db, BackendContext context) {
    Nodes n = nodes(db, context, TESTING);
    User ann = Fixtures.user(n.routed(), "ann");
    n.replicated(db);
    n.primaryLog().clear();
    User read = await(n.routed().transactionMono(TxOptions.defaults().readOnly(),
        tx -> Users.getById(n.routed(), ann.id())));
    assertEquals(ann, read);
    assertEquals(1, count(n, REPLICA, Why.READ_ONLY_TRANSACTION));
    assertEquals(1, count(n, REPLICA, Why.IN_TRANSACTION), n.routed().routeCounts()::toString);
    assertEquals(0, n.primaryLog().size(), n.primaryLog()::toString);
    // a read-write transaction, and the reads in it, on the primary
    await(n.routed().transactionMono(tx -> Users.getById(n.routed(), ann.id())));
    assertEquals(2, count(n, ReplicaRoute.PRIMARY, Why.WRITE));
    assertEquals(1, count(n, ReplicaRoute.PRIMARY, Why.IN_TRANSACTION));
    assertTrue(n.primaryLog().size() > 0);
  }

  @BackendTest
  public void aRequestThatWroteReadsFromThePrimary(Db db, BackendContext context) {
    Nodes n = nodes(db, context, TESTING.readYourWrites(Duration.ofHours(1)));
    User ann = await(Users.create().name("ann").email("ann@example.com").exec(n.routed())
        .flatMap(u -> Users.getById(n.routed(), u.id()))
        .contextWrite(ReadYourWrites::start));
    // found at once, even where the replica has not replayed the write yet
    assertEquals("ann", ann.name());
    assertEquals(1, count(n, ReplicaRoute.PRIMARY, Why.READ_YOUR_WRITES));
    assertEquals(0, count(n, REPLICA, Why.READ));
    n.replicated(db);
    // a request that did not write reads from the replica
    assertEquals(ann, await(Users.getById(n.routed(), ann.id())
        .contextWrite(ReadYourWrites::start)));
    assertEquals(1, count(n, REPLICA, Why.READ));
  }

  @BackendTest
  public void aReplicaThatIsDownIsSkipped(Db db, BackendContext context) {
    Db down = downReplica(context);
    Nodes n = nodes(db, context, TESTING, b -> b.replica(down));
    User ann = Fixtures.user(n.routed(), "ann");
    n.replicated(db);
    // replica-1 is down: replica-0 serves both reads, whichever the turn starts from
    assertEquals(ann, await(Users.getById(n.routed(), ann.id())));
    assertEquals(ann, await(Users.getById(n.routed(), ann.id())));
    assertEquals(2, count(n, REPLICA, Why.READ), n.routed().routeCounts()::toString);
    assertEquals(0, count(n, "replica-1", Why.READ));
    // with no replica up, the primary
    Db alone = context.reopen(b -> b.replica(downReplica(context)).replicaPolicy(TESTING)).db();
    assertEquals(ann, await(Users.getById(alone, ann.id())));
    assertEquals(1, alone.routeCounts().get(new ReplicaRoute(ReplicaRoute.PRIMARY,
        Why.REPLICA_DOWN)), alone.routeCounts()::toString);
  }

  @BackendTest
  @Requires(Need.SQL)
  public void aReplicaLaggingBeyondTheLimitIsSkipped(Db db, BackendContext context) {
    boolean streaming = context.backend().replicaUrl(context.database()).isPresent();
    // single node: a lag query that says 60 s; PostgreSQL: the replica's own lag
    String lagQuery = streaming ? ReplicaPolicy.POSTGRESQL_LAG : "SELECT 60";
    Nodes n = nodes(db, context, TESTING.maxLag(Duration.ZERO, lagQuery));
    n.whileReplayPaused(() -> {
      User ann = Fixtures.user(n.routed(), "ann");
      if (streaming) {
        // received, not replayed: the replica does not have ann
        Streaming.awaitTrue(n.replica(), "SELECT pg_last_wal_receive_lsn() >= '"
            + Streaming.primaryLsn(db) + "'::pg_lsn");
        assertEquals(List.of(), await(Users.filterById(ann.id()).collect(n.replica())));
      }
      assertEquals(ann, await(Users.getById(n.routed(), ann.id())));
      assertEquals(1, count(n, ReplicaRoute.PRIMARY, Why.REPLICA_LAGGING),
          n.routed().routeCounts()::toString);
      assertEquals(0, count(n, REPLICA, Why.READ));
    });
  }

  /**
   * Reads after a write wait for the replica to replay it, not for a window: on PostgreSQL by
   * its WAL positions (replay paused, then resumed); single node, by position queries that say
   * "not replayed" on one {@code Db} and "replayed" on another, the primary's position handed to
   * the replica's query.
   */
  @BackendTest
  @Requires(Need.SQL)
  public void aRequestReadsFromAReplicaOnceItReplayedTheWrite(Db db, BackendContext context) {
    boolean streaming = context.backend().replicaUrl(context.database()).isPresent();
    ReplicaPolicy waiting = TESTING.readYourWrites(Duration.ofHours(1));
    if (streaming) {
      waiting = waiting.readYourWritesByPosition(ReplicaPolicy.POSTGRESQL_WRITE_POSITION,
          ReplicaPolicy.POSTGRESQL_REPLAYED);
    } else {
      waiting = waiting.readYourWritesByPosition("SELECT 'w'",
          "SELECT CASE WHEN :position = 'x' THEN 1 ELSE 0 END");
    }
    Nodes n = nodes(db, context, waiting);
    Context request = ReadYourWrites.start(Context.empty());
    AtomicReference<User> created = new AtomicReference<>();
    n.whileReplayPaused(() -> {
      created.set(await(Users.create().name("ann").email("ann@example.com").exec(n.routed())
          .contextWrite(request)));
      // not replayed: the primary
      assertEquals(created.get(), await(Users.getById(n.routed(), created.get().id())
          .contextWrite(request)));
      assertEquals(1, count(n, ReplicaRoute.PRIMARY, Why.READ_YOUR_WRITES),
          n.routed().routeCounts()::toString);
      assertEquals(0, count(n, REPLICA, Why.READ));
    });
    User ann = created.get();
    Db replayedDb = n.routed();
    if (streaming) {
      n.replicated(db);
    } else {
      replayedDb = context.reopen(b -> b.replica(n.replica()).replicaPolicy(
          TESTING.readYourWrites(Duration.ofHours(1)).readYourWritesByPosition("SELECT 'w'",
              "SELECT CASE WHEN :position = 'w' THEN 1 ELSE 0 END"))).db();
      await(Users.updateById(ann.id()).loginCount(1).exec(replayedDb).contextWrite(request));
      ann = await(Users.getById(db, ann.id()));
    }
    // replayed: the replica, within the window
    assertEquals(ann, await(Users.getById(replayedDb, ann.id()).contextWrite(request)));
    assertEquals(1L, replayedDb.routeCounts().getOrDefault(new ReplicaRoute(REPLICA, Why.READ),
        0L), replayedDb.routeCounts()::toString);
  }

  /**
   * Reads and writes of many subscribers at once, some reads cancelled after their first
   * record, on small pools: every route taken, and both nodes' pools quiet after.
   */
  @BackendTest
  public void concurrentReadsAndWritesLeaveEveryPoolQuiet(Db db, BackendContext context) {
    Nodes n = nodes(db, context, TESTING);
    Fixtures.user(n.routed(), "seed");
    n.replicated(db);
    List<Long> done = await(Flux.range(0, 60).flatMap(i -> switch (i % 3) {
      case 0 -> Users.create().name("u" + i).email("u" + i + "@example.com").exec(n.routed())
          .map(u -> 1L);
      case 1 -> Users.all().stream(n.routed()).take(1).count();
      default -> Users.all().collect(n.routed()).map(all -> (long) all.size());
    }, 16).collectList());
    assertEquals(60, done.size());
    assertEquals(20, count(n, ReplicaRoute.PRIMARY, Why.WRITE) - 1);
    assertEquals(40, count(n, REPLICA, Why.READ), n.routed().routeCounts()::toString);
    // a read cancelled after its first record gives its connection back as the cancel lands
    for (Db node : List.of(n.routed(), n.replica())) {
      Tck.eventually("the pool is quiet: " + node.poolState(),
          () -> node.poolState().map(PoolState::quiet).orElse(true));
    }
  }

  /** A replica that does not answer: at a closed port on a server, else a closed {@code Db}. */
  private static Db downReplica(BackendContext context) {
    Optional<String> url = context.backend().replicaUrl(context.database());
    if (url.isPresent()) {
      return Toasty.builder().models(models(context)).url(url.get().replace(":5433/", ":1/"))
          .poolMaxSize(1).build();
    }
    Db closed = context.reopen(b -> b).db();
    await(closed.close());
    return closed;
  }

  private static long count(Nodes n, String target, Why why) {
    return n.routed().routeCounts().getOrDefault(new ReplicaRoute(target, why), 0L);
  }

  private static Nodes nodes(Db db, BackendContext context, ReplicaPolicy policy) {
    return nodes(db, context, policy, b -> b);
  }

  /**
   * The {@code Db} under test, on the scenario's database, with the backend's replica first and
   * the replicas {@code more} adds after it.
   */
  private static Nodes nodes(Db db, BackendContext context, ReplicaPolicy policy,
      UnaryOperator<io.toasty.reactive.DbBuilder> more) {
    Optional<String> url = context.backend().replicaUrl(context.database());
    Db replica;
    OperationLog replicaLog = null;
    if (url.isPresent()) {
      replica = Toasty.builder().models(models(context)).url(url.get()).poolMaxSize(2).build();
      Streaming.assertStandby(replica, url.get());
    } else {
      BackendContext.Opened opened = context.reopen(b -> b);
      replica = opened.db();
      replicaLog = opened.log();
    }
    BackendContext.Opened primary = context.reopen(
        b -> more.apply(b.replica(replica)).replicaPolicy(policy));
    Nodes n = new Nodes(primary.db(), primary.log(), replica, replicaLog, url.isPresent());
    n.replicated(db);
    return n;
  }

  private static ModelDef<?>[] models(BackendContext context) {
    return context.models().toArray(ModelDef<?>[]::new);
  }

  /**
   * The routed {@code Db}, its primary's operation log, its first replica and that replica's
   * log (null for a streaming replica, whose {@code Db} the scenario builds itself).
   */
  private record Nodes(Db routed, OperationLog primaryLog, Db replica,
      @Nullable OperationLog replicaLog, boolean streaming) {

    /** Waits until a streaming replica has replayed what the primary wrote so far. */
    void replicated(Db primary) {
      if (streaming) {
        Streaming.awaitTrue(replica, "SELECT pg_last_wal_replay_lsn() >= '"
            + Streaming.primaryLsn(primary) + "'::pg_lsn");
      }
    }

    /** Runs {@code body} with a streaming replica's replay paused (as it is elsewhere). */
    void whileReplayPaused(Runnable body) {
      if (!streaming) {
        body.run();
        return;
      }
      await(replica.sql("SELECT pg_wal_replay_pause()").rows().then());
      try {
        Streaming.awaitTrue(replica, "SELECT pg_get_wal_replay_pause_state() = 'paused'");
        body.run();
      } finally {
        await(replica.sql("SELECT pg_wal_replay_resume()").rows().then());
      }
    }

    void clearReplicaLog() {
      if (replicaLog != null) {
        replicaLog.clear();
      }
    }

    /** The replica's log holds {@code operations} operations, where it has a log. */
    void assertReplicaServed(int operations) {
      if (replicaLog != null) {
        assertEquals(operations, replicaLog.size(), replicaLog::toString);
      }
    }
  }

  /** PostgreSQL's streaming replica, asked through raw SQL. */
  private static final class Streaming {
    private Streaming() {}

    static void assertStandby(Db replica, String url) {
      Boolean standby;
      try {
        standby = await(replica.sql("SELECT pg_is_in_recovery()").rows().next())
            .get(0, Boolean.class);
      } catch (RuntimeException e) {
        throw new AssertionError("no PostgreSQL replica answers at " + url
            + " (.ci/pg-replica makes it): " + e.getMessage(), e);
      }
      assertEquals(Boolean.TRUE, standby, url + " is not a standby (.ci/pg-replica)");
    }

    static String primaryLsn(Db primary) {
      return await(primary.sql("SELECT pg_current_wal_lsn()::text").rows().next())
          .get(0, String.class);
    }

    /** Asks {@code sql} (one boolean) until it is true; fails after 30 s of asking. */
    static void awaitTrue(Db replica, String sql) {
      for (int i = 0; i < 1500; i++) {
        if (Boolean.TRUE.equals(await(replica.sql(sql).rows().next()).get(0, Boolean.class))) {
          return;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      throw new AssertionError("the replica never answered true to " + sql);
    }
  }
}
