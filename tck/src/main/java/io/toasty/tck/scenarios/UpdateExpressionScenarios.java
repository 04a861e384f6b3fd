package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.SerializationFailureException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.models.Score;
import io.toasty.tck.models.Scores;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Updates whose values read the record's current ones: arithmetic of every kind, over several
 * fields, nested, with NULLs, text functions; by key and in bulk; and concurrent updates of one
 * record, none of which may be lost. Every backend runs them (a key-value backend computes what
 * its own update cannot from the record as read, and writes conditioned on what it read).
 */
@Models(Scores.class)
public abstract class UpdateExpressionScenarios {

  private static Score score(Db db, String name, int points, Integer bonus, long total) {
    return await(ScoreFixtures.score(name, points, bonus, total, null, null, "Mixed").exec(db));
  }

  private static Score read(Db db, Score s) {
    return await(Scores.getById(db, s.id()));
  }

  @BackendTest
  public void aProductThenAQuotientThenARemainderReadTheStoredValue(Db db) {
    Score s = score(db, "a", 7, null, 0);
    assertEquals(1L, await(Scores.updateById(s.id()).points(Scores.POINTS.times(3).minus(1))
        .exec(db)));
    assertEquals(20, read(db, s).points());
    await(Scores.updateById(s.id()).points(Scores.POINTS.div(3)).exec(db));
    assertEquals(6, read(db, s).points());
    await(Scores.updateById(s.id()).points(Scores.POINTS.mod(4)).exec(db));
    assertEquals(2, read(db, s).points());
  }

  @BackendTest
  public void aValueOverTwoFieldsByKey(Db db) {
    Score s = score(db, "a", 10, 4, 5);
    await(Scores.updateById(s.id()).total(Scores.TOTAL.plus(Scores.POINTS.asLong()))
        .points(Scores.POINTS.plus(Scores.BONUS)).exec(db));
    Score after = read(db, s);
    // every value reads the record as it was before the update
    assertEquals(15L, after.total());
    assertEquals(14, after.points());
  }

  @BackendTest
  public void arithmeticOnAbsentValuesIsAbsent(Db db) {
    Score s = score(db, "a", 10, null, 0);
    await(Scores.updateById(s.id()).set(Scores.LEVEL, Scores.LEVEL.plus((short) 1))
        .set(Scores.RATIO, Scores.RATIO.times(2.0)).exec(db));
    Score after = read(db, s);
    assertEquals(Optional.empty(), after.level());
    assertEquals(Optional.empty(), after.ratio());
    await(Scores.updateById(s.id()).level(Optional.of((short) 3)).ratio(Optional.of(1.25))
        .exec(db));
    await(Scores.updateById(s.id()).set(Scores.LEVEL, Scores.LEVEL.plus((short) 1))
        .set(Scores.RATIO, Scores.RATIO.times(2.0)).exec(db));
    assertEquals(Optional.of((short) 4), read(db, s).level());
    assertEquals(Optional.of(2.5), read(db, s).ratio());
  }

  @BackendTest
  public void aTextFunctionInAnUpdate(Db db) {
    Score s = score(db, "a", 1, null, 0);
    await(Scores.updateById(s.id()).set(Scores.TAG, Scores.TAG.upper()).exec(db));
    assertEquals(Optional.of("MIXED"), read(db, s).tag());
    await(Scores.updateById(s.id()).set(Scores.TAG, Scores.NAME.lower()).exec(db));
    assertEquals(Optional.of("a"), read(db, s).tag());
  }

  @BackendTest
  public void aBulkUpdateComputesEachRecordFromItsOwnValues(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(3L, await(Scores.filter(Scores.POINTS.gt(25)).update()
        .points(Scores.POINTS.times(2).plus(1)).exec(db)));
    assertEquals(List.of(0, 10, 20, 61, 81, 101), await(Scores.all().collect(db)).stream()
        .map(Score::points).sorted().toList());
  }

  /**
   * Eight concurrent doublings of one record: each is either written whole or fails as a
   * transient {@link SerializationFailureException} (a key-value backend gives up after many
   * rounds of finding the record changed), and none is lost: the stored value is 2 to the power
   * of the updates that succeeded.
   */
  @BackendTest
  public void concurrentComputedUpdatesOfOneRecordLoseNothing(Db db) {
    Score s = score(db, "a", 1, null, 0);
    List<String> outcomes = await(Flux.range(0, 8)
        .flatMap(i -> Scores.updateById(s.id()).points(Scores.POINTS.times(2)).exec(db)
            .map(n -> "written " + n)
            .onErrorResume(SerializationFailureException.class, e -> Mono.just("transient")), 8)
        .collectList());
    long written = outcomes.stream().filter("written 1"::equals).count();
    long transientFailures = outcomes.stream().filter("transient"::equals).count();
    assertEquals(8, written + transientFailures, outcomes.toString());
    assertTrue(written > 0, outcomes.toString());
    assertEquals(1 << written, read(db, s).points(), outcomes.toString());
  }

  @BackendTest
  public void anUpdateOfAMissingRecordWritesNothing(Db db) {
    assertEquals(0L, await(Scores.updateById(UUID.randomUUID())
        .points(Scores.POINTS.times(2)).exec(db)));
    assertEquals(List.of(), await(Scores.all().collect(db)));
  }
}
