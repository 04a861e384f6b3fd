package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.List;
import java.util.Optional;

/**
 * Updates and deletes by filter, with affected counts, and update expressions over the record's
 * own values. Starts from {@link Fixtures#fiveUsers}.
 */
@Models(Users.class)
@Requires(Need.SCAN)
public abstract class MutationScenarios {

  static List<Integer> loginCounts(Db db) {
    return Fixtures.map(Fixtures.allUsers(db), User::loginCount);
  }

  @BackendTest
  public void updateByFilterCountsTheMatches(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(3L, await(Users.filter(Users.LOGIN_COUNT.ge(2)).update().loginCount(10)
        .exec(db)));
    assertEquals(List.of(0, 1, 10, 10, 10), loginCounts(db));
  }

  @BackendTest
  public void updateMatchingNothingCountsZero(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(0L, await(Users.filter(Users.NAME.eq("zed")).update().loginCount(10).exec(db)));
    assertEquals(List.of(0, 1, 2, 3, 4), loginCounts(db));
  }

  @BackendTest
  public void updateOfAllRecords(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(5L, await(Users.all().update().nickname("n").exec(db)));
    assertEquals(5, await(Users.filterByNickname("n").collect(db)).size());
  }

  @BackendTest
  public void updateWithAnEmptyInChangesNothing(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(0L, await(Users.filter(Users.NAME.in(List.of())).update().loginCount(9)
        .exec(db)));
    assertEquals(List.of(0, 1, 2, 3, 4), loginCounts(db));
  }

  @BackendTest
  public void updateLeavesUnassignedFieldsAlone(Db db) {
    List<User> before = Fixtures.fiveUsers(db);
    await(Users.filter(Users.NAME.eq("cid")).update().loginCount(7).exec(db));
    User cid = Fixtures.allUsers(db).get(2);
    assertEquals(new User(before.get(2).id(), "cid", "cid@example.com", Optional.of("c"), 7), cid);
  }

  @BackendTest
  public void theLastAssignmentOfAFieldWins(Db db) {
    User u = Fixtures.user(db, "ann");
    await(Users.updateById(u.id()).loginCount(1).loginCount(2).exec(db));
    assertEquals(2, await(Users.getById(db, u.id())).loginCount());
  }

  @BackendTest
  public void updateSetsSeveralFieldsAtOnce(Db db) {
    User u = Fixtures.user(db, "ann");
    await(Users.updateById(u.id()).name("Anna").nickname("nan").loginCount(5).exec(db));
    assertEquals(new User(u.id(), "Anna", u.email(), Optional.of("nan"), 5),
        await(Users.getById(db, u.id())));
  }

  @BackendTest
  public void deleteByFilterCountsTheMatches(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(2L, await(Users.filter(Users.NICKNAME.isNull()).delete().exec(db)));
    assertEquals(List.of("ann", "cid", "eve"), Fixtures.sortedNames(Fixtures.allUsers(db)));
  }

  @BackendTest
  public void deleteMatchingNothingCountsZero(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(0L, await(Users.filter(Users.LOGIN_COUNT.gt(100)).delete().exec(db)));
    assertEquals(5, Fixtures.allUsers(db).size());
  }

  @BackendTest
  public void deleteOfAllRecords(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(5L, await(Users.all().delete().exec(db)));
    assertEquals(List.of(), Fixtures.allUsers(db));
  }

  @BackendTest
  public void plusAddsToTheStoredValue(Db db) {
    User u = Fixtures.user(db, "ann", null, 41);
    assertEquals(1L, await(Users.updateById(u.id()).loginCount(Users.LOGIN_COUNT.plus(1))
        .exec(db)));
    assertEquals(42, await(Users.getById(db, u.id())).loginCount());
  }

  @BackendTest
  public void minusSubtractsFromTheStoredValue(Db db) {
    User u = Fixtures.user(db, "ann", null, 10);
    await(Users.updateById(u.id()).loginCount(Users.LOGIN_COUNT.minus(3)).exec(db));
    assertEquals(7, await(Users.getById(db, u.id())).loginCount());
  }

  @BackendTest
  public void plusAppliesToEachMatchedRecordsOwnValue(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(5L, await(Users.all().update().loginCount(Users.LOGIN_COUNT.plus(10)).exec(db)));
    assertEquals(List.of(10, 11, 12, 13, 14), loginCounts(db));
  }

  @BackendTest
  public void repeatedIncrementsAccumulate(Db db) {
    User u = Fixtures.user(db, "ann");
    for (int i = 0; i < 5; i++) {
      await(Users.updateById(u.id()).loginCount(Users.LOGIN_COUNT.plus(2)).exec(db));
    }
    assertEquals(10, await(Users.getById(db, u.id())).loginCount());
  }

  @BackendTest
  public void instanceUpdateWithAnExpressionReturnsTheNewValue(Db db) {
    User u = Fixtures.user(db, "ann", null, 5);
    await(Users.updateById(u.id()).loginCount(8).exec(db));
    User updated = await(Users.update(u).loginCount(Users.LOGIN_COUNT.plus(1)).exec(db));
    assertEquals(9, updated.loginCount());
    assertEquals(9, await(Users.getById(db, u.id())).loginCount());
  }

  @BackendTest
  public void anExpressionOverAnotherFieldCopiesIt(Db db) {
    Fixtures.user(db, "ann", null, 0);
    Fixtures.user(db, "bob", "bobby", 0);
    await(Users.filter(Users.NICKNAME.isNull()).update().nickname(Users.NAME).exec(db));
    assertEquals(List.of(Optional.of("ann"), Optional.of("bobby")),
        Fixtures.map(Fixtures.allUsers(db), User::nickname));
  }
}
