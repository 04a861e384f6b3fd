package io.toasty.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Feature;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.neo4j.models.Member;
import io.toasty.neo4j.models.Members;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The engine on Neo4j through a {@code bolt://} URL: writes, reads, errors, transactions. */
class GraphTest {
  static final Duration T = Duration.ofSeconds(60);
  Db db;

  @BeforeEach
  void open() {
    db = Toasty.builder().url(LocalNeo4j.url()).models(Members.MODEL).poolMaxSize(4).build();
    // The first schema transaction of a fresh server is slow on a loaded machine.
    db.schema().reset().block(Duration.ofMinutes(5));
  }

  @AfterEach
  void close() {
    db.close().block(T);
  }

  private Member create(String email, String team, int score) {
    return Members.create().email(email).team(team).score(score).exec(db).block(T);
  }

  @Test
  void createsReadsUpdatesAndDeletes() {
    Member ann = Members.create().email("ann@x").team("red").score(3).nickname("a").exec(db)
        .block(T);
    assertEquals(ann, Members.getById(db, ann.id()).block(T));
    Members.update(ann).score(4).exec(db).block(T);
    assertEquals(4, Members.getById(db, ann.id()).block(T).score());
    assertEquals(1L, Members.deleteById(ann.id()).exec(db).block(T));
    assertEquals(List.of(), Members.all().collect(db).block(T));
  }

  @Test
  void filtersOrdersAndLimitsInCypher() {
    for (int i = 0; i < 6; i++) {
      create("m" + i + "@x", i % 2 == 0 ? "red" : "blue", i);
    }
    List<Integer> scores = Members.filter(Members.TEAM.eq("red").and(Members.SCORE.gt(0)))
        .orderBy(Members.SCORE.desc()).collect(db).block(T).stream().map(Member::score).toList();
    assertEquals(List.of(4, 2), scores);
    List<Integer> page = Members.all().orderBy(Members.SCORE.asc()).limit(2).offset(3)
        .collect(db).block(T).stream().map(Member::score).toList();
    assertEquals(List.of(3, 4), page);
    assertEquals(3L, Members.filter(Members.TEAM.eq("blue")).count(db).block(T));
    assertEquals(List.of("m5@x"), Members.filter(Members.EMAIL.like("%5@_"))
        .collect(db).block(T).stream().map(Member::email).toList());
  }

  @Test
  void aTakenUniqueValueIsATypedErrorNamingTheField() {
    create("ann@x", "red", 1);
    Object e = Mono.defer(() -> Members.create().email("ann@x").team("blue").score(2).exec(db))
        .map(Object.class::cast).onErrorResume(Mono::just).block(T);
    UniqueViolationException u = assertInstanceOf(UniqueViolationException.class, e);
    assertEquals(Optional.of("Member"), u.model());
    assertEquals(Optional.of("email"), u.field());
    for (Throwable t = u; t != null; t = t.getCause()) {
      assertTrue(!String.valueOf(t.getMessage()).contains("ann@x"), "a value shows in: " + t);
    }
    assertTrue(u.getCause() != null, "the server's error (without values) is the cause");
    assertEquals(1L, Members.all().count(db).block(T));
  }

  @Test
  void aComputedValueBeyondItsIntegerFieldIsRefusedAndNothingChanges() {
    Member ann = create("ann@x", "red", 5);
    Object e = Members.updateById(ann.id()).score(Members.SCORE.plus(Integer.MAX_VALUE)).exec(db)
        .map(Object.class::cast).onErrorResume(Mono::just).block(T);
    ValueOutOfRangeException v =
        assertInstanceOf(ValueOutOfRangeException.class, e);
    assertEquals(Optional.of("score"), v.field());
    assertEquals(5, Members.getById(db, ann.id()).block(T).score());
  }

  @Test
  void aFailedTransactionLeavesNothing() {
    Throwable e = db.transaction(tx -> Flux.concat(
            Members.create().email("a@x").team("red").score(1).exec(tx),
            Members.create().email("a@x").team("red").score(2).exec(tx)))
        .then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(T);
    assertInstanceOf(UniqueViolationException.class, e);
    assertEquals(0L, Members.all().count(db).block(T));
  }

  @Test
  void aCancelledTransactionRollsBack() {
    create("keep@x", "red", 1);
    db.transaction(tx -> Members.create().email("gone@x").team("red").score(2).exec(tx)
            .thenMany(Mono.never()))
        .take(Duration.ofMillis(500)).blockLast(T);
    assertEquals(List.of("keep@x"), Members.all().collect(db).block(T).stream()
        .map(Member::email).toList());
  }

  /**
   * Two deletes of one node: the second matches it before the first commits, then waits for its
   * lock. Once the first commits, the second deleted nothing and says so (Neo4j's
   * {@code DETACH DELETE} of a node deleted meanwhile would still count it).
   */
  @Test
  void aDeleteRacingACommittedDeleteCountsNothing() {
    Member ann = create("ann@x", "red", 1);
    Mono<Long> racing = Members.deleteById(ann.id()).exec(db).cache();
    Long first = db.transaction(tx -> Members.deleteById(ann.id()).exec(tx)
            .delayUntil(n -> Mono.fromRunnable(racing::subscribe).then(aTransactionWaits())))
        .single().block(T);
    assertEquals(1L, first);
    assertEquals(0L, racing.block(T));
  }

  /** As {@link #aDeleteRacingACommittedDeleteCountsNothing}, for deletes without a filter. */
  @Test
  void aDeleteOfAllRacingACommittedOneCountsOnlyWhatItDeleted() {
    Member ann = create("ann@x", "red", 1);
    Mono<Long> racing = Members.all().delete().exec(db).cache();
    Long first = db.transaction(tx -> Members.deleteById(ann.id()).exec(tx)
            .delayUntil(n -> Mono.fromRunnable(racing::subscribe).then(aTransactionWaits())))
        .single().block(T);
    assertEquals(1L, first);
    assertEquals(0L, racing.block(T));
  }

  /** Completes once the server lists a transaction waiting for a lock. */
  private static Mono<Void> aTransactionWaits() {
    return Mono.usingWhen(
        Mono.fromSupplier(() -> org.neo4j.driver.GraphDatabase.driver(LocalNeo4j.bolt(),
            org.neo4j.driver.AuthTokens.none())),
        d -> Flux.interval(Duration.ofMillis(20))
            .map(tick -> {
              try (var s = d.session()) {
                return s.run("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' "
                    + "RETURN count(*)").single().get(0).asLong();
              }
            })
            .filter(n -> n > 0).next().then(),
        d -> Mono.fromRunnable(d::close));
  }

  @Test
  void rawSqlIsRefusedBeforeTheDriver() {
    Object e = db.sql("SELECT 1").rows().collectList().map(Object.class::cast)
        .onErrorResume(Mono::just).block(T);
    UnsupportedFeatureException u = assertInstanceOf(UnsupportedFeatureException.class, e);
    assertEquals(Feature.SQL, u.feature());
  }

  @Test
  void nestedTransactionsAreRefusedAsSavepoints() {
    Throwable e = db.transaction(tx -> tx.transaction(inner ->
            Members.create().email("n@x").team("red").score(1).exec(inner)))
        .then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(T);
    UnsupportedFeatureException u = assertInstanceOf(UnsupportedFeatureException.class, e);
    assertEquals(Feature.SAVEPOINTS, u.feature());
    assertEquals(0L, Members.all().count(db).block(T));
  }

  @Test
  void nullsAreMissingPropertiesAndFilterAsSqlNulls() {
    Member a = Members.create().email("a@x").team("red").score(1).nickname("x").exec(db).block(T);
    create("b@x", "red", 2);
    assertEquals(Optional.empty(), Members.filter(Members.EMAIL.eq("b@x")).first(db).block(T)
        .nickname());
    assertEquals(List.of(a.id()), Members.filter(Members.NICKNAME.isNotNull()).collect(db)
        .block(T).stream().map(Member::id).toList());
    assertTrue(Members.filter(Members.NICKNAME.ne("x")).collect(db).block(T).isEmpty());
  }
}
