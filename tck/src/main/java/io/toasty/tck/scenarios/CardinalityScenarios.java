package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.CardinalityException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.CardCaptains;
import io.toasty.tck.models.CardPlayer;
import io.toasty.tck.models.CardPlayerCreate;
import io.toasty.tck.models.CardPlayers;
import io.toasty.tck.models.CardTag;
import io.toasty.tck.models.CardTagCreate;
import io.toasty.tck.models.CardTags;
import io.toasty.tck.models.CardTeam;
import io.toasty.tck.models.CardTeamTags;
import io.toasty.tck.models.CardTeams;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relations limited by {@code @AtMost} (a team has at most three players, zero or one captain,
 * at most two tags through a join model): every write path that would go beyond the limit fails
 * with {@link CardinalityException} naming the relation, the limit and the count, and writes
 * nothing; up to the limit every path writes. A new record's nested children are counted before
 * anything is sent, on every backend; adding to an existing record counts under a lock of it in
 * a transaction, or, where the driver keeps the limit itself ({@code Capability.atomicLimits}:
 * DynamoDB, a counter on the owner's item), in the write's own atomic request. A backend with
 * neither refuses ({@code Feature.CARDINALITY}).
 */
@Models({CardTeams.class, CardPlayers.class, CardCaptains.class, CardTags.class,
    CardTeamTags.class})
public abstract class CardinalityScenarios {
  /** How many subscribers race for the three places of a team. */
  private static final int RACERS = 50;

  private static CardTeam team(Db db, String name) {
    return await(CardTeams.create().name(name).exec(db));
  }

  private static CardPlayerCreate player(String name, UUID team) {
    return CardPlayers.create().name(name).teamId(team);
  }

  private static int players(Db db, UUID team) {
    return awaitAll(CardPlayers.filterByTeamId(team).stream(db)).size();
  }

  private static void assertLimit(CardinalityException e, String relation, int limit,
      long count) {
    assertEquals("CardTeam", e.model().orElseThrow(), e::getMessage);
    assertEquals(relation, e.relation(), e::getMessage);
    assertEquals(limit, e.limit(), e::getMessage);
    assertEquals(count, e.count(), e::getMessage);
    assertTrue(e.getMessage().contains("CardTeam." + relation + ": at most " + limit),
        e::getMessage);
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void createBeyondTheLimitIsRefused(Db db) {
    CardTeam t = team(db, "reds");
    for (int i = 0; i < 3; i++) {
      await(player("p" + i, t.id()).exec(db));
    }
    CardinalityException e = failure(CardinalityException.class,
        () -> player("p3", t.id()).exec(db));
    assertLimit(e, "players", 3, 4);
    assertEquals(3, players(db, t.id()));
  }

  @BackendTest
  public void nestedCreateBeyondTheLimitIsRefusedBeforeSending(Db db, OperationLog log) {
    List<CardPlayerCreate> four = IntStream.range(0, 4)
        .mapToObj(i -> CardPlayers.create().name("n" + i)).toList();
    log.clear();
    CardinalityException e = failure(CardinalityException.class,
        () -> CardTeams.create().name("blues").players(four).exec(db));
    assertLimit(e, "players", 3, 4);
    assertEquals(0, log.size(), log::toString);
    CardTeam three = await(CardTeams.create().name("greens").players(four.subList(0, 3))
        .exec(db));
    assertEquals(3, three.players().get().size());
    assertEquals(3, players(db, three.id()));
    assertEquals(List.of("greens"), awaitAll(CardTeams.all().stream(db)).stream()
        .map(CardTeam::name).toList());
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void linkBeyondTheLimitIsRefused(Db db) {
    CardTeam t = await(CardTeams.create().name("reds").players(CardPlayers.create().name("a"),
        CardPlayers.create().name("b")).exec(db));
    CardPlayer c = await(CardPlayers.create().name("c").exec(db));
    CardPlayer d = await(CardPlayers.create().name("d").exec(db));
    CardTeam loaded = await(CardTeams.getById(db, t.id()));
    CardinalityException e = failure(CardinalityException.class,
        () -> loaded.players().insert(db, c, d));
    assertLimit(e, "players", 3, 4);
    assertEquals(2, players(db, t.id()));
    assertTrue(await(CardPlayers.getById(db, c.id())).teamId().isEmpty());
    assertEquals(1L, await(loaded.players().insert(db, c)));
    assertEquals(3, players(db, t.id()));
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void updateOfTheForeignKeyBeyondTheLimitIsRefused(Db db) {
    CardTeam full = await(CardTeams.create().name("full").players(CardPlayers.create().name("a"),
        CardPlayers.create().name("b")).exec(db));
    CardTeam other = team(db, "other");
    CardPlayer x = await(player("x", other.id()).exec(db));
    CardPlayer y = await(player("y", other.id()).exec(db));
    assertEquals(1L, await(CardPlayers.updateById(x.id()).teamId(full.id()).exec(db)));
    CardinalityException e = failure(CardinalityException.class,
        () -> CardPlayers.updateById(y.id()).teamId(full.id()).exec(db));
    assertLimit(e, "players", 3, 4);
    assertEquals(3, players(db, full.id()));
    assertEquals(other.id(), await(CardPlayers.getById(db, y.id())).teamId().orElseThrow());
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void aSecondHasOneChildIsRefused(Db db) {
    CardTeam t = team(db, "reds");
    await(CardCaptains.create().name("first").team(t).exec(db));
    CardinalityException e = failure(CardinalityException.class,
        () -> CardCaptains.create().name("second").team(t).exec(db));
    assertLimit(e, "captain", 1, 2);
    assertEquals(List.of("first"), awaitAll(CardCaptains.filterByTeamId(t.id()).stream(db))
        .stream().map(c -> c.name()).toList());
  }

  @BackendTest
  public void nestedManyToManyBeyondTheLimitIsRefusedBeforeSending(Db db, OperationLog log) {
    List<CardTagCreate> three = IntStream.range(0, 3)
        .mapToObj(i -> CardTags.create().name("t" + i)).toList();
    log.clear();
    CardinalityException e = failure(CardinalityException.class,
        () -> CardTeams.create().name("reds").tags(three).exec(db));
    assertLimit(e, "tags", 2, 3);
    assertEquals(0, log.size(), log::toString);
    CardTeam two = await(CardTeams.create().name("blues").tags(three.subList(0, 2)).exec(db));
    assertEquals(2, awaitAll(CardTeamTags.filterByTeamId(two.id()).stream(db)).size());
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void manyToManyLinkBeyondTheLimitIsRefused(Db db) {
    CardTeam t = await(CardTeams.create().name("reds").tags(CardTags.create().name("a"))
        .exec(db));
    CardTag b = await(CardTags.create().name("b").exec(db));
    CardTag c = await(CardTags.create().name("c").exec(db));
    CardTeam loaded = await(CardTeams.getById(db, t.id()));
    assertEquals(1L, await(loaded.tags().insert(db, b)));
    CardinalityException e = failure(CardinalityException.class,
        () -> loaded.tags().insert(db, c));
    assertLimit(e, "tags", 2, 3);
    assertEquals(2, awaitAll(CardTeamTags.filterByTeamId(t.id()).stream(db)).size());
    CardinalityException direct = failure(CardinalityException.class,
        () -> CardTeamTags.create().team(t).tag(c).exec(db));
    assertLimit(direct, "tags", 2, 3);
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void batchBeyondTheLimitWritesNothing(Db db) {
    CardTeam t = team(db, "reds");
    await(player("first", t.id()).exec(db));
    List<CardPlayerCreate> three = IntStream.range(0, 3)
        .mapToObj(i -> player("b" + i, t.id())).toList();
    CardinalityException e = failure(CardinalityException.class,
        () -> Toasty.batch(three).exec(db));
    assertLimit(e, "players", 3, 4);
    assertEquals(1, players(db, t.id()));
    assertEquals(2, await(Toasty.batch(three.subList(0, 2)).exec(db)).size());
    assertEquals(3, players(db, t.id()));
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void bulkBeyondTheLimitWritesNothing(Db db) {
    CardTeam t = team(db, "reds");
    await(player("first", t.id()).exec(db));
    List<CardPlayerCreate> three = IntStream.range(0, 3)
        .mapToObj(i -> player("b" + i, t.id())).toList();
    CardinalityException e = failure(CardinalityException.class,
        () -> CardPlayers.createAll(Flux.fromIterable(three)).exec(db).collectList());
    assertLimit(e, "players", 3, 4);
    assertEquals(1, players(db, t.id()));
    CardinalityException many = failure(CardinalityException.class,
        () -> CardPlayers.createMany(three).exec(db));
    assertLimit(many, "players", 3, 4);
    assertEquals(1, players(db, t.id()));
  }

  @BackendTest
  @Requires({Need.INTERACTIVE_TRANSACTIONS, Need.CARDINALITY})
  public void aRefusedWriteLeavesTheTransactionAsItWas(Db db) {
    CardTeam t = team(db, "reds");
    CardPlayer free = await(CardPlayers.create().name("free").exec(db));
    CardTeam loaded = await(CardTeams.getById(db, t.id()));
    List<String> refused = await(db.transactionMono(tx -> player("a", t.id()).exec(tx)
        .then(CardPlayers.createMany(List.of(player("b", t.id()), player("c", t.id()),
            player("d", t.id()))).exec(tx).then(Mono.just("none"))
            .onErrorResume(CardinalityException.class, e -> Mono.just(e.relation())))
        .flatMap(first -> player("b", t.id()).exec(tx).then(player("c", t.id()).exec(tx))
            .then(loaded.players().insert(tx, free)).then(Mono.just("none"))
            .onErrorResume(CardinalityException.class, e -> Mono.just(e.relation()))
            .map(second -> List.of(first, second)))));
    assertEquals(List.of("players", "players"), refused);
    assertEquals(3, players(db, t.id()));
    assertTrue(await(CardPlayers.getById(db, free.id())).teamId().isEmpty());
  }

  /** Sums what {@code writes} land (1 each), refused writes counting 0. */
  private static int landed(Flux<Integer> writes) {
    List<Integer> each = await(writes.collectList());
    assertEquals(RACERS, each.size(), each::toString);
    return each.stream().mapToInt(Integer::intValue).sum();
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void concurrentCreatesStopAtTheLimit(Db db) {
    CardTeam t = team(db, "race");
    int landed = landed(Flux.range(0, RACERS)
        .flatMap(i -> player("r" + i, t.id()).exec(db).map(p -> 1)
            .onErrorResume(CardinalityException.class, e -> Mono.just(0)), RACERS));
    assertEquals(3, landed);
    assertEquals(3, players(db, t.id()));
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void racingLinksLandExactlyTheLimit(Db db) {
    CardTeam t = await(CardTeams.create().name("race").players(CardPlayers.create().name("a"))
        .exec(db));
    List<CardPlayer> free = await(CardPlayers.createMany(IntStream.range(0, RACERS)
        .mapToObj(i -> CardPlayers.create().name("f" + i)).toList()).exec(db));
    CardTeam loaded = await(CardTeams.getById(db, t.id()));
    int landed = landed(Flux.fromIterable(free)
        .flatMap(p -> loaded.players().insert(db, p).map(Long::intValue)
            .onErrorResume(CardinalityException.class, e -> Mono.just(0)), RACERS));
    assertEquals(2, landed);
    assertEquals(3, players(db, t.id()));
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void deletesUnlinksAndMovesMakeRoom(Db db) {
    CardTeam t = team(db, "reds");
    CardTeam other = team(db, "blues");
    List<CardPlayer> three = IntStream.range(0, 3)
        .mapToObj(i -> await(player("p" + i, t.id()).exec(db))).toList();
    failure(CardinalityException.class, () -> player("full", t.id()).exec(db));
    assertEquals(1L, await(CardPlayers.deleteById(three.get(0).id()).exec(db)));
    await(player("after a delete", t.id()).exec(db));
    assertEquals(1L, await(CardPlayers.updateById(three.get(1).id()).teamId(Optional.empty())
        .exec(db)));
    await(player("after an unlink", t.id()).exec(db));
    assertEquals(1L, await(CardPlayers.updateById(three.get(2).id()).teamId(other.id())
        .exec(db)));
    await(player("after a move", t.id()).exec(db));
    CardinalityException e = failure(CardinalityException.class,
        () -> player("full again", t.id()).exec(db));
    assertLimit(e, "players", 3, 4);
    assertEquals(3, players(db, t.id()));
    assertEquals(1, players(db, other.id()));
  }

  @BackendTest
  @Requires(Need.CARDINALITY)
  public void anUpsertIsCheckedOnBothPaths(Db db) {
    CardTeam full = await(CardTeams.create().name("full").players(CardPlayers.create().name("a"),
        CardPlayers.create().name("b"), CardPlayers.create().name("c")).exec(db));
    CardTeam other = team(db, "other");
    CardPlayer x = await(player("x", other.id()).exec(db));
    CardinalityException moved = failure(CardinalityException.class,
        () -> CardPlayers.upsert().id(x.id()).name("x").teamId(full.id()).exec(db));
    assertLimit(moved, "players", 3, 4);
    CardinalityException created = failure(CardinalityException.class,
        () -> CardPlayers.upsert().id(UUID.randomUUID()).name("y").teamId(full.id()).exec(db));
    assertLimit(created, "players", 3, 4);
    assertEquals(3, players(db, full.id()));
    assertEquals(other.id(), await(CardPlayers.getById(db, x.id())).teamId().orElseThrow());
    assertEquals("x2", await(CardPlayers.upsert().id(x.id()).name("x2").teamId(other.id())
        .exec(db)).name());
    assertEquals(1, players(db, other.id()));
  }
}
