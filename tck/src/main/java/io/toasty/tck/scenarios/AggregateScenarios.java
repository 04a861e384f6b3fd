package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Agg;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.InvalidStatementException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.EventCreate;
import io.toasty.tck.models.Events;
import io.toasty.tck.models.ScoreCard;
import io.toasty.tck.models.ScoreCards;
import io.toasty.tck.models.Scores;
import io.toasty.tck.models.Users;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import reactor.util.function.Tuples;

/**
 * Counting and aggregating: {@code count(db)} and {@code exists(db)} are answered by the database
 * without reading the records ({@code SELECT COUNT(*)}, DynamoDB's {@code Select=COUNT}), and
 * count what the query would return, NULLs and limits included. Users come from
 * {@link Fixtures#fiveUsers}: ann (nick a, 0 logins), bob (-, 1), cid (c, 2), dan (-, 3),
 * eve (a, 4).
 */
@Models({Users.class, Events.class, Scores.class})
public abstract class AggregateScenarios {

  @BackendTest
  @Requires(Need.SCAN)
  public void countOfAllRecords(Db db) {
    assertEquals(0L, await(Users.all().count(db)));
    Fixtures.fiveUsers(db);
    assertEquals(5L, await(Users.all().count(db)));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void countReadsNoRow(Db db, OperationLog log, Capability capability) {
    Fixtures.fiveUsers(db);
    log.clear();
    assertEquals(3L, await(Users.filter(Users.LOGIN_COUNT.ge(2)).count(db)));
    assertEquals(1, log.entries().size());
    OperationLog.Entry e = log.last();
    Class<? extends Operation> expected = capability.sql() ? Operation.QuerySql.class
        : Operation.Count.class;
    assertTrue(expected.isInstance(e.operation()), () -> "sent " + e.operation());
    if (!capability.sql()) {
      assertEquals(new OperationLog.Outcome.Count(3), e.outcome());
    }
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void countSkipsNullsAsSqlDoes(Db db) {
    Fixtures.fiveUsers(db);
    // nickname <> 'a' is unknown for bob and dan: they are not counted.
    assertEquals(1L, await(Users.filter(Users.NICKNAME.ne("a")).count(db)));
    assertEquals(2L, await(Users.filter(Users.NICKNAME.isNull()).count(db)));
    assertEquals(3L, await(Users.filter(Users.NICKNAME.isNotNull()).count(db)));
  }

  @BackendTest
  public void countByKeyAndByIndex(Db db) {
    var users = Fixtures.fiveUsers(db);
    assertEquals(1L, await(Users.filter(Users.ID.eq(users.get(2).id())).count(db)));
    assertEquals(2L, await(Users.filter(Users.NICKNAME.eq("a")).count(db)));
    assertEquals(0L, await(Users.filter(Users.NICKNAME.eq("zzz")).count(db)));
  }

  @BackendTest
  public void countWithAFilterTheEngineEvaluates(Db db) {
    Fixtures.fiveUsers(db);
    // An index lookup and a residual pattern the key-value backend checks after the read.
    assertEquals(1L, await(Users.filter(Users.NICKNAME.eq("a").and(Users.NAME.endsWith("ve")))
        .count(db)));
  }

  @BackendTest
  public void countOfAPartitionUsesTheKeyCondition(Db db, OperationLog log, Capability c) {
    events(db, "p", 30);
    events(db, "q", 5);
    log.clear();
    assertEquals(30L, await(Events.filter(Events.STREAM.eq("p")).count(db)));
    assertEquals(10L, await(Events.filter(Events.STREAM.eq("p").and(Events.SEQ.ge(20L)))
        .count(db)));
    assertEquals(15L, await(Events.filter(Events.STREAM.eq("p").and(Events.KIND.eq("even")))
        .count(db)));
    if (!c.sql()) {
      assertTrue(log.entries().stream().allMatch(e -> e.operation() instanceof Operation.Count));
    }
  }

  @BackendTest
  public void countOfManyPagesIsExact(Db db) {
    events(db, "big", 1200);
    assertEquals(1200L, await(Events.filter(Events.STREAM.eq("big")).count(db)));
    assertEquals(600L, await(Events.filter(Events.STREAM.eq("big").and(Events.KIND.eq("odd")))
        .count(db)));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void countBoundedByLimitAndOffset(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(2L, await(Users.all().limit(2).count(db)));
    assertEquals(5L, await(Users.all().limit(20).count(db)));
    assertEquals(3L, await(Users.all().offset(2).count(db)));
    assertEquals(1L, await(Users.all().offset(4).limit(3).count(db)));
    assertEquals(0L, await(Users.all().offset(9).count(db)));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void countOfAnEmptyInList(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(0L, await(Users.filter(Users.NAME.in(List.of())).count(db)));
    assertEquals(0L, await(Users.filter(Users.NICKNAME.eq("a").and(Users.NICKNAME.eq("c")))
        .count(db)));
    // NOT IN () holds for every non-null value, and is unknown for a NULL.
    assertEquals(5L, await(Users.filter(Users.NAME.notIn(List.of())).count(db)));
    assertEquals(3L, await(Users.filter(Users.NICKNAME.notIn(List.of())).count(db)));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void existsIsTrueOnlyWhenARecordMatches(Db db) {
    assertFalse(await(Users.all().exists(db)));
    Fixtures.fiveUsers(db);
    assertTrue(await(Users.all().exists(db)));
    assertTrue(await(Users.filter(Users.LOGIN_COUNT.gt(3)).exists(db)));
    assertFalse(await(Users.filter(Users.LOGIN_COUNT.gt(4)).exists(db)));
    assertFalse(await(Users.filter(Users.NICKNAME.ne("a").and(Users.NICKNAME.ne("c")))
        .exists(db)));
  }

  @BackendTest
  public void existsByIndex(Db db) {
    Fixtures.fiveUsers(db);
    assertTrue(await(Users.filter(Users.NICKNAME.eq("c")).exists(db)));
    assertFalse(await(Users.filter(Users.NICKNAME.eq("b")).exists(db)));
  }

  // ---- aggregates over ScoreFixtures.sixScores: points 10 20 30 40 50 0, bonus 5 - 30 0 -5 -,
  // total 100 200 30 400 500 0, level 1 - 3 - 5 2.

  @BackendTest
  @Requires(Need.SCAN)
  public void aggregatesOverEveryRow(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(Tuples.of(6L, 4L, 150L, 7.5), await(Scores.all().select(Agg.count(),
        Agg.count(Scores.BONUS), Agg.sum(Scores.POINTS), Agg.avg(Scores.BONUS)).first(db)));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void minAndMax(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(Tuples.of(0, 500L, "ann", "fay"), await(Scores.all().select(
        Agg.min(Scores.POINTS), Agg.max(Scores.TOTAL), Agg.min(Scores.NAME),
        Agg.max(Scores.NAME)).first(db)));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void aggregatesOfNoRowAreZeroAndNull(Db db) {
    ScoreFixtures.sixScores(db);
    List<Object> row = await(Scores.filter(Scores.POINTS.gt(1000)).select(Arrays::asList,
        List.of(Agg.count(), Agg.sum(Scores.POINTS), Agg.avg(Scores.POINTS),
            Agg.max(Scores.NAME))).first(db));
    assertEquals(Arrays.asList(0L, null, null, null), row);
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void aNullInATupleIsATypedError(Db db) {
    ScoreFixtures.sixScores(db);
    InvalidStatementException e = Tck.failure(InvalidStatementException.class,
        () -> Scores.filter(Scores.POINTS.gt(1000)).select(Agg.sum(Scores.POINTS)).first(db));
    assertTrue(e.getMessage().contains("sum(points)"), e.getMessage());
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void aggregatesWithAFilter(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(Tuples.of(3L, 930L), await(Scores.filter(Scores.POINTS.ge(30))
        .select(Agg.count(), Agg.sum(Scores.TOTAL)).first(db)));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void sumAndAverageOfExpressionsSkipNulls(Db db) {
    ScoreFixtures.sixScores(db);
    // points + bonus: ann 15, cid 60, dan 40, eve 45; NULL for bob and fay.
    assertEquals(Tuples.of(160L, 40.0, 4L), await(Scores.all().select(
        Agg.sum(Scores.POINTS.plus(Scores.BONUS)), Agg.avg(Scores.POINTS.plus(Scores.BONUS)),
        Agg.count(Scores.POINTS.plus(Scores.BONUS))).first(db)));
    assertEquals(Tuples.of(1230.0, 150.0), await(Scores.all().select(
        Agg.sumDouble(Scores.TOTAL), Agg.sumDouble(Scores.POINTS)).first(db)));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void groupByWithANullGroup(Db db) {
    ScoreFixtures.sixScores(db);
    List<String> groups = await(Scores.all().select(
        v -> v[0] + ":" + v[1] + ":" + v[2],
        List.of(Scores.LEVEL, Agg.count(), Agg.sum(Scores.POINTS))).groupBy(Scores.LEVEL)
        .collect(db)).stream().sorted().toList();
    // NULLs form one group: bob and dan.
    assertEquals(List.of("1:1:10", "2:1:0", "3:1:30", "5:1:50", "null:2:60"), groups);
  }

  /** A group by without an aggregate is each group once (Cypher groups only beside one). */
  @BackendTest
  @Requires(Need.SCAN)
  public void groupByWithoutAnAggregateGivesEachGroupOnce(Db db) {
    ScoreFixtures.sixScores(db);
    List<String> levels = await(Scores.all().select(v -> String.valueOf(v[0]),
        List.of(Scores.LEVEL)).groupBy(Scores.LEVEL).collect(db)).stream().sorted().toList();
    assertEquals(List.of("1", "2", "3", "5", "null"), levels);
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void havingKeepsMatchingGroups(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(List.of(60L), await(Scores.all().select(Agg.sum(Scores.POINTS))
        .groupBy(Scores.LEVEL).having(Agg.count().gt(1L)).collect(db)));
    assertEquals(List.of(50L), await(Scores.all().select(Agg.sum(Scores.POINTS))
        .groupBy(Scores.LEVEL).having(Agg.max(Scores.POINTS).ge(40))
        .having(Agg.count().eq(1L)).collect(db)));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void countDistinct(Db db) {
    ScoreFixtures.sixScores(db);
    // levels 1 3 5 2 (NULLs not counted); tags red, blue, 50%_off, it's once lowered.
    assertEquals(Tuples.of(4L, 4L, 5L), await(Scores.all().select(Agg.countDistinct(Scores.LEVEL),
        Agg.countDistinct(Scores.TAG.lower()), Agg.countDistinct(Scores.TAG)).first(db)));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void distinctValues(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(List.of("50%_off", "blue", "it's", "red"), await(Scores
        .filter(Scores.TAG.isNotNull()).select(Scores.TAG.lower()).distinct().collect(db))
        .stream().sorted().toList());
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void projectionOfFieldsAndArithmetic(Db db) {
    ScoreFixtures.sixScores(db);
    List<String> rows = await(Scores.filter(Scores.BONUS.isNotNull())
        .select(Scores.NAME, Scores.POINTS.times(2).plus(Scores.BONUS)).collect(db))
        .stream().map(t -> t.getT1() + "=" + t.getT2()).sorted().toList();
    assertEquals(List.of("ann=25", "cid=90", "dan=80", "eve=95"), rows);
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void aFieldNeitherGroupedNorAggregatedIsRefused(Db db) {
    ScoreFixtures.sixScores(db);
    InvalidStatementException e = Tck.failure(InvalidStatementException.class,
        () -> Scores.all().select(Scores.NAME, Agg.count()).first(db));
    assertTrue(e.getMessage().contains("name"), e.getMessage());
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void groupsOrderedByAnAggregate(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(List.of(60L, 50L, 30L, 10L, 0L), await(Scores.all()
        .select(Agg.sum(Scores.POINTS)).groupBy(Scores.LEVEL)
        .orderBy(Agg.sum(Scores.POINTS).desc()).collect(db)));
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void explainShowsWhereAggregatesRun(Db db, Capability capability) {
    String plan = db.explain(Scores.all().select(Agg.sum(Scores.POINTS)).groupBy(Scores.LEVEL)
        .untyped());
    // SQL backends group in the database; DynamoDB streams the items through the engine.
    assertEquals(!capability.sql(), plan.contains("GroupRows"), plan);
  }

  @BackendTest
  @Requires(Need.SCAN)
  public void projectionRecord(Db db) {
    ScoreFixtures.sixScores(db);
    List<ScoreCard> cards = new ArrayList<>(await(ScoreCards.from(
        Scores.filter(Scores.POINTS.ge(30))).collect(db)));
    cards.sort(Comparator.comparing(ScoreCard::name));
    assertEquals(List.of(new ScoreCard("cid", 30, Optional.of(30)),
        new ScoreCard("dan", 40, Optional.of(0)), new ScoreCard("eve", 50, Optional.of(-5))),
        cards);
    assertEquals(List.of(new ScoreCard("bob", 20, Optional.empty())), await(ScoreCards.from(
        Scores.filter(Scores.NAME.eq("bob"))).collect(db)));
  }

  static void events(Db db, String stream, int count) {
    List<EventCreate> batch = new ArrayList<>();
    for (int seq = 0; seq < count; seq++) {
      batch.add(Events.create().stream(stream).seq(seq).kind(seq % 2 == 0 ? "even" : "odd"));
      if (batch.size() == 25 || seq == count - 1) {
        await(Events.createMany(batch).exec(db));
        batch.clear();
      }
    }
  }
}
