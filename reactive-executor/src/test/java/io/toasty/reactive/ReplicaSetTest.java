package io.toasty.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.toasty.Feature;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.ReplicaRoute.Why;
import io.toasty.stmt.Query;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A {@code Db} with read replicas over fake drivers: what {@code build()} refuses, where
 * statements go, how often a replica is checked, and the route observer and meters. The TCK's
 * ReplicaRoutingTest runs the routes on every backend, PostgreSQL against a streaming replica.
 */
class ReplicaSetTest {
  private static final Query ANN =
      Models.users(Models.eq(Models.user(1), Models.str("ann")));
  private final FakeDriver primary = new FakeDriver(Capability.H2, Dbs.SCHEMA);
  private final FakeDriver replica = new FakeDriver(Capability.H2, Dbs.SCHEMA);

  private Db replicaDb(Capability capability) {
    FakeDriver driver = capability == Capability.H2 ? replica
        : new FakeDriver(capability, Dbs.SCHEMA);
    return Toasty.builder().models(Models.USERS, Models.TODOS).driverFactory(c -> driver).build();
  }

  private DbBuilder routed(ReplicaPolicy policy) {
    return Toasty.builder().models(Models.USERS, Models.TODOS).driverFactory(c -> primary)
        .replica(replicaDb(Capability.H2)).replicaPolicy(policy);
  }

  @Test
  void aReplicaOfAnotherBackendIsRefused() {
    DbBuilder b = Toasty.builder().models(Models.USERS, Models.TODOS)
        .driverFactory(c -> primary).replica(replicaDb(Capability.POSTGRESQL));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertEquals("a replica of a h2 database is a postgresql database", e.getMessage());
  }

  @Test
  void aLagQueryWhereTheBackendRunsNoSqlIsRefusedForSql() {
    FakeDriver dynamo = new FakeDriver(Capability.DYNAMODB, Dbs.SCHEMA);
    DbBuilder b = Toasty.builder().models(Models.USERS, Models.TODOS).driverFactory(c -> dynamo)
        .replica(replicaDb(Capability.DYNAMODB))
        .replicaPolicy(ReplicaPolicy.defaults().maxLag(Duration.ZERO, "SELECT 0"));
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, b::build);
    assertEquals(Feature.SQL, e.feature());
    assertTrue(dynamo.log.isEmpty());
  }

  @Test
  void readsGoToTheReplicaWritesToThePrimaryEachCounted() {
    List<ReplicaRoute> seen = new ArrayList<>();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Db db = routed(ReplicaPolicy.defaults().observer(seen::add)).meterRegistry(meters).build();
    db.exec(Models.insertUser("ann")).blockLast();
    db.exec(ANN).blockLast();
    assertEquals(List.of(new ReplicaRoute(ReplicaRoute.PRIMARY, Why.WRITE),
        new ReplicaRoute("replica-0", Why.READ)), seen);
    assertEquals(Map.of(seen.get(0), 1L, seen.get(1), 1L), db.routeCounts());
    assertEquals(1.0, meters.get("toasty.replica.routes").tag("target", "replica-0")
        .tag("why", "read").counter().count());
    assertTrue(primary.log.stream().anyMatch(op -> op instanceof Operation.Insert));
    assertTrue(replica.log.stream().noneMatch(op -> op instanceof Operation.Insert));
  }

  @Test
  void aCheckStandsForTheProbeInterval() {
    Db db = routed(ReplicaPolicy.defaults().probeEvery(Duration.ofHours(1))).build();
    db.exec(ANN).blockLast();
    db.exec(ANN).blockLast();
    db.exec(ANN).blockLast();
    assertEquals(1, replica.log.stream().filter(op -> op instanceof Operation.RawSql).count(),
        replica.log::toString);
    assertEquals(3L, db.routeCounts().get(new ReplicaRoute("replica-0", Why.READ)));
  }

  @Test
  void aWriteInAReadOnlyTransactionGoesToItsReplicaWhichRefusesIt() {
    Db db = routed(ReplicaPolicy.defaults()).build();
    db.transaction(TxOptions.defaults().readOnly(), tx -> db.exec(Models.insertUser("ann")))
        .blockLast();
    // the database refuses it there (a fake driver does not): never on the primary
    assertTrue(replica.log.stream().anyMatch(op -> op instanceof Operation.Insert));
    assertTrue(primary.log.stream().noneMatch(op -> op instanceof Operation.Insert));
    assertEquals(1L, db.routeCounts().get(new ReplicaRoute("replica-0", Why.IN_TRANSACTION)));
  }

  @Test
  void aSessionReadsFromThePrimaryWithinTheWindowOnly() {
    Db db = routed(ReplicaPolicy.defaults().readYourWrites(Duration.ofHours(1))).build();
    db.exec(Models.insertUser("ann")).thenMany(db.exec(ANN))
        .contextWrite(ReadYourWrites::start).blockLast();
    Db soon = routed(ReplicaPolicy.defaults().readYourWrites(Duration.ZERO)).build();
    soon.exec(Models.insertUser("ann")).thenMany(soon.exec(ANN))
        .contextWrite(ReadYourWrites::start).blockLast();
    assertEquals(1L, db.routeCounts().get(new ReplicaRoute(ReplicaRoute.PRIMARY,
        Why.READ_YOUR_WRITES)));
    assertEquals(1L, soon.routeCounts().get(new ReplicaRoute("replica-0", Why.READ)));
  }

  @Test
  void closingTheDbClosesItsReplicas() {
    AtomicInteger closed = new AtomicInteger();
    FakeDriver counted = new FakeDriver(Capability.H2, Dbs.SCHEMA) {
      @Override public Mono<Void> close() {
        closed.incrementAndGet();
        return super.close();
      }
    };
    Db replicaDb = Toasty.builder().models(Models.USERS, Models.TODOS)
        .driverFactory(c -> counted).build();
    Db db = Toasty.builder().models(Models.USERS, Models.TODOS).driverFactory(c -> primary)
        .replica(replicaDb).build();
    db.close().block();
    assertEquals(1, closed.get());
  }
}
