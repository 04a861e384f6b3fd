package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.MutationResult;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Score;
import io.toasty.tck.models.Scores;
import io.toasty.tck.models.Stamp;
import io.toasty.tck.models.Stamps;
import io.toasty.tck.models.Ticket;
import io.toasty.tck.models.Tickets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Mutation results: {@code result(db)} of an update counts the records it matched and those of
 * them whose explicitly set fields it changed, the same on every backend; a {@code @Version} bump
 * or an {@code @UpdatedAt} stamp is not a change; a delete changes every record it matches;
 * an instance update's result says whether the record existed.
 */
@Models({Scores.class, Tickets.class, Stamps.class})
public abstract class MutationResultScenarios {

  private static Score score(Db db, String name, int points, Integer bonus) {
    return await(ScoreFixtures.score(name, points, bonus, 0, null, null, "t").exec(db));
  }

  private static List<Integer> points(Db db) {
    return await(Scores.all().collect(db)).stream().map(Score::points).sorted().toList();
  }

  @BackendTest
  public void anUpdateMatchingNothingReportsNoneMatched(Db db) {
    score(db, "a", 1, null);
    MutationResult r = await(Scores.filter(Scores.NAME.eq("nobody")).update().points(5)
        .result(db));
    assertEquals(new MutationResult(0, 0), r);
    assertEquals(List.of(1), points(db));
  }

  @BackendTest
  public void anUpdateToTheSameValueMatchesButChangesNothing(Db db) {
    Score s = score(db, "a", 5, null);
    assertEquals(new MutationResult(1, 0), await(Scores.updateById(s.id()).points(5).result(db)));
    // exec keeps counting matched records, the same on every backend.
    assertEquals(1L, await(Scores.updateById(s.id()).points(5).exec(db)));
  }

  @BackendTest
  public void anUpdateToAnotherValueMatchesAndChanges(Db db) {
    Score s = score(db, "a", 5, null);
    assertEquals(new MutationResult(1, 1), await(Scores.updateById(s.id()).points(6).result(db)));
    assertEquals(List.of(6), points(db));
  }

  @BackendTest
  public void aBulkUpdateCountsMatchedAndChangedApart(Db db) {
    for (int p : new int[] {1, 2, 2, 3, 9}) {
      score(db, "s" + p, p, null);
    }
    MutationResult r = await(Scores.filter(Scores.POINTS.lt(5)).update().points(2).result(db));
    assertEquals(new MutationResult(4, 2), r);
    assertEquals(2, r.unchanged());
    assertEquals(List.of(2, 2, 2, 2, 9), points(db));
  }

  @BackendTest
  public void aFilterOnTheSetFieldCountsWhatItMatchedBefore(Db db) {
    for (int p : new int[] {1, 2, 3}) {
      score(db, "s" + p, p, null);
    }
    MutationResult r = await(Scores.filter(Scores.POINTS.lt(3)).update().points(3).result(db));
    assertEquals(new MutationResult(2, 2), r);
    assertEquals(List.of(3, 3, 3), points(db));
  }

  @BackendTest
  public void nullOverNullIsNoChangeAndAValueOverNullIsOne(Db db) {
    Score s = score(db, "a", 1, null);
    assertEquals(new MutationResult(1, 0),
        await(Scores.updateById(s.id()).bonus(Optional.empty()).result(db)));
    assertEquals(new MutationResult(1, 1),
        await(Scores.updateById(s.id()).bonus(3).result(db)));
    assertEquals(new MutationResult(1, 1),
        await(Scores.updateById(s.id()).bonus(Optional.empty()).result(db)));
    assertEquals(Optional.empty(), await(Scores.getById(db, s.id())).bonus());
  }

  @BackendTest
  public void oneDifferingFieldOfSeveralIsAChange(Db db) {
    Score a = score(db, "a", 1, 7);
    score(db, "b", 1, 8);
    MutationResult r = await(Scores.all().update().points(1).bonus(7).result(db));
    assertEquals(new MutationResult(2, 1), r);
    assertEquals(Optional.of(7), await(Scores.getById(db, a.id())).bonus());
  }

  @BackendTest
  public void anExpressionOverTheRecordChangesEveryMatchedRecord(Db db) {
    score(db, "a", 1, null);
    score(db, "b", 4, null);
    MutationResult r = await(Scores.all().update().points(Scores.POINTS.plus(1)).result(db));
    assertEquals(new MutationResult(2, 2), r);
    assertEquals(List.of(2, 5), points(db));
  }

  @BackendTest
  public void deletesReportEveryMatchedRecordAsChanged(Db db) {
    for (int p : new int[] {1, 2, 3}) {
      score(db, "s" + p, p, null);
    }
    assertEquals(new MutationResult(2, 2),
        await(Scores.filter(Scores.POINTS.lt(3)).delete().result(db)));
    assertEquals(new MutationResult(0, 0),
        await(Scores.filter(Scores.POINTS.lt(3)).delete().result(db)));
    assertEquals(List.of(3), points(db));
  }

  @BackendTest
  public void aKeyDeleteOfAMissingRecordMatchesNothing(Db db) {
    Score s = score(db, "a", 1, null);
    assertEquals(new MutationResult(1, 1), await(Scores.deleteById(s.id()).result(db)));
    assertEquals(new MutationResult(0, 0), await(Scores.deleteById(s.id()).result(db)));
  }

  @BackendTest
  public void aVersionBumpAloneIsNotAChange(Db db) {
    Ticket t = await(Tickets.create().id(UUID.randomUUID()).title("a").exec(db));
    assertEquals(new MutationResult(1, 0), await(Tickets.update(t).title("a").result(db)));
    Ticket bumped = await(Tickets.getById(db, t.id()));
    assertEquals(new Ticket(t.id(), "a", 2), bumped);
    assertEquals(new MutationResult(1, 1), await(Tickets.update(bumped).title("b").result(db)));
  }

  @BackendTest
  public void anInstanceUpdateSaysWhetherTheRecordExisted(Db db) {
    Ticket t = await(Tickets.create().id(UUID.randomUUID()).title("a").exec(db));
    await(Tickets.update(t).title("b").exec(db));
    // stale: the version moved on, so the record as it was read no longer exists
    assertEquals(new MutationResult(0, 0), await(Tickets.update(t).title("c").result(db)));
    await(Tickets.deleteById(t.id()).exec(db));
    Ticket gone = new Ticket(t.id(), "b", 2);
    assertEquals(new MutationResult(0, 0), await(Tickets.update(gone).title("c").result(db)));
    assertEquals(0L, await(Tickets.all().count(db)));
  }

  @BackendTest
  public void anInstanceDeleteReportsOneMatchedAndChanged(Db db) {
    Ticket t = await(Tickets.create().id(UUID.randomUUID()).title("a").exec(db));
    assertEquals(new MutationResult(1, 1), await(Tickets.delete(t).result(db)));
  }

  @BackendTest
  public void anUpdatedAtStampAloneIsNotAChange(Db db) {
    Stamp s = await(Stamps.create().id(UUID.randomUUID()).title("a").hits(0).exec(db));
    assertEquals(new MutationResult(1, 0), await(Stamps.update(s).title("a").result(db)));
    assertEquals(new MutationResult(1, 1), await(Stamps.update(s).hits(1).result(db)));
  }

  @BackendTest
  public void aChangeOfLetterCaseIsAChange(Db db) {
    Score s = score(db, "ann", 1, null);
    assertEquals(new MutationResult(1, 1),
        await(Scores.updateById(s.id()).name("Ann").result(db)));
    assertEquals(new MutationResult(1, 0),
        await(Scores.updateById(s.id()).name("Ann").result(db)));
    assertEquals("Ann", await(Scores.getById(db, s.id())).name());
  }

  @BackendTest
  public void valuesReadBackAreNoChange(Db db) {
    Stamp s = await(Stamps.create().id(UUID.randomUUID()).title("a").hits(3).exec(db));
    Stamp read = await(Stamps.getById(db, s.id()));
    assertEquals(new MutationResult(1, 0), await(Stamps.updateById(s.id()).title(read.title())
        .hits(read.hits()).createdAt(read.createdAt()).result(db)));
    Score score = score(db, "a", 1, null);
    await(Scores.updateById(score.id()).ratio(0.1).exec(db));
    assertEquals(new MutationResult(1, 0),
        await(Scores.updateById(score.id()).ratio(0.1).result(db)));
  }

  @BackendTest
  @Requires(Need.INTERACTIVE_TRANSACTIONS)
  public void aResultInsideATransactionCountsItsOwnEarlierWrites(Db db) {
    Score s = score(db, "a", 1, null);
    MutationResult r = await(db.transactionMono(tx -> Scores.updateById(s.id()).points(2)
        .exec(tx).then(Scores.updateById(s.id()).points(2).result(tx))));
    assertEquals(new MutationResult(1, 0), r);
  }

  @BackendTest
  @Requires(Need.UPDATE_EXPRESSION)
  public void anExpressionThatKeepsTheValueIsNoChange(Db db) {
    score(db, "a", 0, null);
    score(db, "b", 3, null);
    MutationResult r = await(Scores.all().update().points(Scores.POINTS.times(2)).result(db));
    assertEquals(new MutationResult(2, 1), r);
    assertEquals(List.of(0, 6), points(db));
  }
}
