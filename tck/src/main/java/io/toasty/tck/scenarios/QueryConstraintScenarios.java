package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.scenarios.ScoreFixtures.names;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Agg;
import io.toasty.Expr;
import io.toasty.error.DivisionByZeroException;
import io.toasty.error.NumericOverflowException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.Tck;
import io.toasty.tck.models.Score;
import io.toasty.tck.models.Scores;
import java.util.List;
import reactor.util.function.Tuples;

/**
 * The constraints of seed 004 beyond plain comparisons: between, field-to-field comparison across
 * numeric widths, arithmetic in filters, orders and updates, case-insensitive equality and
 * {@code in}, text length and case, each with SQL's NULL semantics on every backend (DynamoDB
 * evaluates what its conditions cannot hold in the engine, with the same semantics). Rows come
 * from {@link ScoreFixtures#sixScores}.
 */
@Models(Scores.class)
@Requires(Need.SCAN)
public abstract class QueryConstraintScenarios {

  static List<String> where(Db db, Expr<Boolean> condition) {
    ScoreFixtures.sixScores(db);
    return names(db, Scores.filter(condition));
  }

  @BackendTest
  public void betweenIncludesBothBounds(Db db) {
    assertEquals(List.of("bob", "cid", "dan"), where(db, Scores.POINTS.between(20, 40)));
  }

  @BackendTest
  public void notBetweenIsOutsideTheBounds(Db db) {
    assertEquals(List.of("ann", "eve", "fay"), where(db, Scores.POINTS.notBetween(20, 40)));
  }

  @BackendTest
  public void betweenAndNotBetweenNeverMatchNull(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(List.of("ann", "dan"), names(db, Scores.filter(Scores.BONUS.between(0, 10))));
    assertEquals(List.of("cid", "eve"),
        names(db, Scores.filter(Scores.BONUS.notBetween(0, 10))));
  }

  @BackendTest
  public void betweenWithReversedBoundsIsEmpty(Db db) {
    assertEquals(List.of(), where(db, Scores.POINTS.between(40, 20)));
  }

  @BackendTest
  public void betweenOfText(Db db) {
    assertEquals(List.of("bob", "cid", "dan"), where(db, Scores.NAME.between("b", "dz")));
  }

  @BackendTest
  public void fieldToFieldAllSixOperators(Db db) {
    ScoreFixtures.sixScores(db);
    // bob and fay have no bonus: every comparison with it is unknown.
    assertEquals(List.of("cid"), names(db, Scores.filter(Scores.POINTS.eq(Scores.BONUS))));
    assertEquals(List.of("ann", "dan", "eve"),
        names(db, Scores.filter(Scores.POINTS.ne(Scores.BONUS))));
    assertEquals(List.of("ann", "dan", "eve"),
        names(db, Scores.filter(Scores.POINTS.gt(Scores.BONUS))));
    assertEquals(List.of("ann", "cid", "dan", "eve"),
        names(db, Scores.filter(Scores.POINTS.ge(Scores.BONUS))));
    assertEquals(List.of(), names(db, Scores.filter(Scores.POINTS.lt(Scores.BONUS))));
    assertEquals(List.of("cid"), names(db, Scores.filter(Scores.POINTS.le(Scores.BONUS))));
  }

  @BackendTest
  public void fieldToFieldAcrossWidths(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(List.of("cid", "fay"),
        names(db, Scores.filter(Scores.POINTS.asLong().eq(Scores.TOTAL))));
    assertEquals(List.of("ann", "bob", "dan", "eve"),
        names(db, Scores.filter(Scores.POINTS.asLong().lt(Scores.TOTAL))));
    assertEquals(List.of("ann", "cid", "eve"),
        names(db, Scores.filter(Scores.LEVEL.asLong().lt(Scores.POINTS.asLong()))));
    assertEquals(List.of("ann", "cid", "dan"),
        names(db, Scores.filter(Scores.RATIO.lt(Scores.POINTS.asDouble()))));
  }

  @BackendTest
  public void arithmeticOverFieldsInAFilter(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(List.of("cid", "dan", "eve"),
        names(db, Scores.filter(Scores.POINTS.plus(Scores.BONUS).gt(30))));
    assertEquals(List.of("ann"),
        names(db, Scores.filter(Scores.POINTS.times(2).minus(Scores.BONUS).le(20))));
    assertEquals(List.of("bob", "fay"),
        names(db, Scores.filter(Scores.POINTS.plus(Scores.BONUS).isNull())));
  }

  @BackendTest
  public void integerDivisionTruncatesTowardZero(Db db) {
    ScoreFixtures.sixScores(db);
    // fay's points are 0: total / points would fail (see divisionByZeroIsATypedError)
    await(Scores.filter(Scores.NAME.eq("fay")).delete().exec(db));
    assertEquals(List.of("ann", "bob", "dan", "eve"),
        names(db, Scores.filter(Scores.TOTAL.div(Scores.POINTS.asLong()).eq(10L))));
    assertEquals(List.of("eve"), names(db, Scores.filter(Scores.BONUS.div(2).eq(-2))));
  }

  @BackendTest
  public void remainderHasTheDividendsSign(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(List.of("ann", "dan"), names(db, Scores.filter(Scores.POINTS.mod(3).eq(1))));
    assertEquals(List.of("eve"), names(db, Scores.filter(Scores.BONUS.mod(3).eq(-2))));
  }

  @BackendTest
  public void divisionByZeroIsATypedError(Db db) {
    ScoreFixtures.sixScores(db);
    // dan's bonus is 0: integer, long, double and remainder by zero fail alike
    for (Expr<Boolean> c : List.of(Scores.POINTS.div(Scores.BONUS).isNull(),
        Scores.POINTS.mod(Scores.BONUS).isNull(),
        Scores.TOTAL.div(Scores.BONUS.asLong()).gt(0L),
        Scores.RATIO.div(Scores.BONUS.asDouble()).gt(0.0),
        Scores.NAME.eq("dan").or(Scores.POINTS.div(0).eq(1)))) {
      DivisionByZeroException e = Tck.failure(DivisionByZeroException.class,
          () -> Scores.filter(c).collect(db));
      assertEquals("22012", e.sqlState(), e.getMessage());
    }
    Tck.failure(DivisionByZeroException.class, () -> Scores.all()
        .select(Agg.sum(Scores.TOTAL.mod(Scores.POINTS.asLong()))).first(db));
  }

  @BackendTest
  public void aNullDividendOrDivisorIsNullNotAnError(Db db) {
    ScoreFixtures.sixScores(db);
    // fay's points are 0 and her bonus NULL: NULL / 0 is NULL; bob's bonus is NULL too
    assertEquals(List.of("bob", "fay"),
        names(db, Scores.filter(Scores.BONUS.div(Scores.POINTS).isNull())));
    assertEquals(List.of("bob", "fay"),
        names(db, Scores.filter(Scores.BONUS.mod(Scores.POINTS).isNull())));
  }

  @BackendTest
  @Requires(Need.UPDATE_EXPRESSION)
  public void anUpdateThatDividesByZeroFailsAndWritesNothing(Db db) {
    ScoreFixtures.sixScores(db);
    Tck.failure(DivisionByZeroException.class, () -> Scores.filter(Scores.NAME.eq("dan"))
        .update().points(Scores.POINTS.div(Scores.BONUS)).exec(db));
    assertEquals(List.of("dan"), names(db, Scores.filter(Scores.POINTS.eq(40))));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void orderByArithmetic(Db db) {
    ScoreFixtures.sixScores(db);
    List<Score> sorted = await(Scores.all()
        .orderBy(Scores.TOTAL.minus(Scores.POINTS.asLong()).desc(), Scores.NAME.asc())
        .collect(db));
    // total - points: ann 90, bob 180, cid 0, dan 360, eve 450, fay 0.
    assertEquals(List.of("eve", "dan", "bob", "ann", "cid", "fay"),
        sorted.stream().map(Score::name).toList());
  }

  @BackendTest
  public void updateAddsAFieldAndAValue(Db db) {
    ScoreFixtures.sixScores(db);
    await(Scores.filter(Scores.NAME.eq("ann")).update().points(Scores.POINTS.plus(5)).exec(db));
    assertEquals(List.of("ann", "cid"), names(db, Scores.filter(Scores.POINTS.eq(15)
        .or(Scores.POINTS.eq(30)))));
  }

  @BackendTest
  @Requires(Need.UPDATE_EXPRESSION)
  public void updateWithArithmeticOverFields(Db db) {
    ScoreFixtures.sixScores(db);
    await(Scores.filter(Scores.NAME.in("ann", "cid")).update()
        .points(Scores.POINTS.times(2).plus(Scores.BONUS)).exec(db));
    // ann 10 * 2 + 5 = 25; cid 30 * 2 + 30 = 90.
    assertEquals(List.of("ann"), names(db, Scores.filter(Scores.POINTS.eq(25))));
    assertEquals(List.of("cid"), names(db, Scores.filter(Scores.POINTS.eq(90))));
  }

  @BackendTest
  public void overflowIsATypedError(Db db) {
    ScoreFixtures.sixScores(db);
    // SQLite's own arithmetic overflows into a REAL without an error: the dialect checks it.
    Tck.failure(NumericOverflowException.class, () -> Scores.filter(
        Scores.TOTAL.plus(Long.MAX_VALUE).gt(0L)).collect(db));
  }

  @BackendTest
  public void overflowOfAProductOrDifferenceInAFilterIsATypedError(Db db) {
    ScoreFixtures.sixScores(db);
    Tck.failure(NumericOverflowException.class, () -> Scores.filter(
        Scores.TOTAL.times(Long.MAX_VALUE).gt(0L)).collect(db));
    Tck.failure(NumericOverflowException.class, () -> Scores.filter(
        Scores.TOTAL.minus(Long.MAX_VALUE).minus(Long.MAX_VALUE).lt(0L)).collect(db));
    // within the range, the same expressions filter as usual
    assertEquals(List.of(), names(db, Scores.filter(Scores.TOTAL.times(2L).lt(0L))));
  }

  @BackendTest
  public void eqIgnoreCase(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(List.of("ann", "bob"), names(db, Scores.filter(Scores.TAG.eqIgnoreCase("RED"))));
    assertEquals(List.of("cid"), names(db, Scores.filter(Scores.TAG.eqIgnoreCase("blue"))));
    // A NULL tag is unknown, and so is its negation.
    assertEquals(List.of("cid", "eve", "fay"),
        names(db, Scores.filter(Scores.TAG.eqIgnoreCase("red").not())));
  }

  @BackendTest
  public void inIgnoreCase(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(List.of("ann", "bob", "cid"),
        names(db, Scores.filter(Scores.TAG.inIgnoreCase("Blue", "RED"))));
    assertEquals(List.of(), names(db, Scores.filter(Scores.TAG.inIgnoreCase(List.of()))));
  }

  @BackendTest
  public void lengthLowerAndUpper(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(List.of("ann", "bob"), names(db, Scores.filter(Scores.TAG.length().eq(3L))));
    assertEquals(List.of("eve"), names(db, Scores.filter(Scores.TAG.length().gt(4L))));
    assertEquals(List.of("dan"), names(db, Scores.filter(Scores.TAG.length().isNull())));
    assertEquals(List.of("cid"), names(db, Scores.filter(Scores.TAG.lower().eq("blue"))));
    assertEquals(List.of("ann", "bob"), names(db, Scores.filter(Scores.TAG.upper().eq("RED"))));
    assertEquals(List.of("fay"), names(db, Scores.filter(Scores.TAG.upper().eq("IT'S"))));
  }

  @BackendTest
  public void specialCharactersAreLiteralInComparisons(Db db) {
    ScoreFixtures.sixScores(db);
    assertEquals(List.of("eve"), names(db, Scores.filter(Scores.TAG.eqIgnoreCase("50%_OFF"))));
    assertEquals(List.of(), names(db, Scores.filter(Scores.TAG.eqIgnoreCase("50%"))));
  }

  @BackendTest
  public void arithmeticWithNullLiteralFieldIsUnknown(Db db) {
    ScoreFixtures.sixScores(db);
    // level is NULL for bob and dan: level + 1 > 0 is unknown there, and NOT of it too.
    assertEquals(List.of("ann", "cid", "eve", "fay"), names(db,
        Scores.filter(Scores.LEVEL.plus((short) 1).gt((short) 0))));
    assertEquals(List.of(), names(db,
        Scores.filter(Scores.LEVEL.plus((short) 1).gt((short) 0).not())));
  }

  @BackendTest
  public void tupleInWithANullComponentIsUnknown(Db db) {
    ScoreFixtures.sixScores(db);
    var pair = Expr.tuple(Scores.NAME, Scores.BONUS);
    // bob and fay have no bonus: (bob, NULL) = (bob, 7) is unknown, never a match
    assertEquals(List.of("ann"), names(db, Scores.filter(pair.in(Tuples.of("ann", 5),
        Tuples.of("bob", 7), Tuples.of("fay", 0)))));
    // NOT of unknown is unknown: bob matches neither in nor notIn; fay differs by name from
    // every listed pair (FALSE whatever the NULL), so notIn is TRUE for her
    assertEquals(List.of("cid", "dan", "eve", "fay"), names(db, Scores.filter(pair.notIn(
        Tuples.of("ann", 5), Tuples.of("bob", 7)))));
    assertEquals(List.of("ann", "bob", "cid", "dan", "eve"),
        names(db, Scores.filter(pair.notIn(Tuples.of("fay", 0)))));
    // the NULL component first, and three components: the same three-valued logic
    var triple = Expr.tuple(Scores.TAG, Scores.NAME, Scores.POINTS);
    assertEquals(List.of("ann"), names(db, Scores.filter(triple.in(Tuples.of("Red", "ann", 10),
        Tuples.of("x", "dan", 40)))));
    assertEquals(List.of("bob", "cid", "eve", "fay"), names(db, Scores.filter(triple.notIn(
        Tuples.of("Red", "ann", 10), Tuples.of("x", "dan", 40)))));
  }

  @BackendTest
  public void andOnAQueryAddsToTheFilter(Db db) {
    ScoreFixtures.sixScores(db);
    // and(..) is filter(..) under an explicit name: both narrow, neither replaces
    assertEquals(List.of("dan", "eve"), names(db, Scores.filter(Scores.POINTS.ge(30))
        .and(Scores.TOTAL.gt(100L))));
    assertEquals(List.of("eve"), names(db, Scores.filter(Scores.POINTS.ge(30))
        .and(Scores.TOTAL.gt(100L)).filter(Scores.BONUS.lt(0))));
    assertEquals(names(db, Scores.filter(Scores.POINTS.ge(30).and(Scores.TOTAL.gt(100L)))),
        names(db, Scores.filter(Scores.POINTS.ge(30)).and(Scores.TOTAL.gt(100L))));
  }

  @BackendTest
  public void aFieldComparedWithItself(Db db) {
    ScoreFixtures.sixScores(db);
    // NULL equals NULL only without distinction; a comparison with NULL is unknown.
    assertEquals(6, names(db, Scores.filter(Scores.BONUS.isNotDistinctFrom(Scores.BONUS)))
        .size());
    assertEquals(List.of("ann", "cid", "dan", "eve"),
        names(db, Scores.filter(Scores.BONUS.ge(Scores.BONUS))));
    assertEquals(List.of(), names(db, Scores.filter(Scores.BONUS.lt(Scores.BONUS))));
  }
}
