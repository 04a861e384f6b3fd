package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Condition;
import io.toasty.Expr;
import io.toasty.Select;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.ArrayList;
import java.util.List;

/**
 * Filter operators with SQL semantics: a comparison with null is unknown, and so is its negation.
 * Every scenario starts from {@link Fixtures#fiveUsers}: ann (nick a, 0 logins), bob (-, 1),
 * cid (c, 2), dan (-, 3), eve (a, 4).
 */
@Models(Users.class)
@Requires(Need.SCAN)
public abstract class QueryOperatorScenarios {

  static List<String> names(Db db, Select<User> query) {
    return Fixtures.sortedNames(await(query.collect(db)));
  }

  static List<String> where(Db db, Expr<Boolean> condition) {
    Fixtures.fiveUsers(db);
    return names(db, Users.filter(condition));
  }

  @BackendTest
  public void eqMatchesEqualValues(Db db) {
    assertEquals(List.of("cid"), where(db, Users.LOGIN_COUNT.eq(2)));
  }

  @BackendTest
  public void neMatchesOtherValues(Db db) {
    assertEquals(List.of("ann", "bob", "dan", "eve"), where(db, Users.LOGIN_COUNT.ne(2)));
  }

  @BackendTest
  public void neNeverMatchesNull(Db db) {
    assertEquals(List.of("cid"), where(db, Users.NICKNAME.ne("a")));
  }

  @BackendTest
  public void gtIsStrict(Db db) {
    assertEquals(List.of("dan", "eve"), where(db, Users.LOGIN_COUNT.gt(2)));
  }

  @BackendTest
  public void geIncludesTheBound(Db db) {
    assertEquals(List.of("cid", "dan", "eve"), where(db, Users.LOGIN_COUNT.ge(2)));
  }

  @BackendTest
  public void ltIsStrict(Db db) {
    assertEquals(List.of("ann", "bob"), where(db, Users.LOGIN_COUNT.lt(2)));
  }

  @BackendTest
  public void leIncludesTheBound(Db db) {
    assertEquals(List.of("ann", "bob", "cid"), where(db, Users.LOGIN_COUNT.le(2)));
  }

  @BackendTest
  public void stringsCompareInOrder(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("dan", "eve"), names(db, Users.filter(Users.NAME.gt("cid"))));
    assertEquals(List.of("ann"), names(db, Users.filter(Users.NAME.lt("b"))));
  }

  @BackendTest
  public void andNeedsBoth(Db db) {
    assertEquals(List.of("bob", "cid", "dan"),
        where(db, Users.LOGIN_COUNT.ge(1).and(Users.LOGIN_COUNT.le(3))));
  }

  @BackendTest
  public void orNeedsEither(Db db) {
    assertEquals(List.of("ann", "eve"),
        where(db, Users.NAME.eq("ann").or(Users.LOGIN_COUNT.eq(4))));
  }

  @BackendTest
  public void notNegates(Db db) {
    assertEquals(List.of("dan", "eve"), where(db, Users.LOGIN_COUNT.lt(3).not()));
  }

  @BackendTest
  public void notOfAComparisonWithNullIsStillUnknown(Db db) {
    assertEquals(List.of("cid"), where(db, Users.NICKNAME.eq("a").not()));
  }

  @BackendTest
  public void nestedAndOrCombine(Db db) {
    assertEquals(List.of("ann", "eve"), where(db,
        Users.LOGIN_COUNT.lt(1).or(Users.LOGIN_COUNT.gt(3)).and(Users.NICKNAME.eq("a"))));
  }

  @BackendTest
  public void notOfOrWithIsNotNull(Db db) {
    assertEquals(List.of("cid", "eve"), where(db,
        Users.NAME.eq("ann").or(Users.NAME.eq("bob")).not().and(Users.NICKNAME.isNotNull())));
  }

  @BackendTest
  public void isNullMatchesUnset(Db db) {
    assertEquals(List.of("bob", "dan"), where(db, Users.NICKNAME.isNull()));
  }

  @BackendTest
  public void isNotNullMatchesSet(Db db) {
    assertEquals(List.of("ann", "cid", "eve"), where(db, Users.NICKNAME.isNotNull()));
  }

  @BackendTest
  public void inMatchesListedValues(Db db) {
    assertEquals(List.of("ann", "cid"), where(db, Users.NAME.in("ann", "cid", "zed")));
  }

  @BackendTest
  public void inMatchesListedKeys(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    assertEquals(List.of("bob", "dan"), names(db,
        Users.filter(Users.ID.in(users.get(1).id(), users.get(3).id()))));
  }

  /**
   * A list longer than a key-value backend's condition holds (DynamoDB's IN takes 100 values):
   * the engine checks it after the read instead of sending it, and the result is the same.
   */
  @BackendTest
  public void inOfTwoThousandValues(Db db) {
    List<Integer> even = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      even.add(2 * i);
    }
    assertEquals(List.of("ann", "cid", "eve"), where(db, Users.LOGIN_COUNT.in(even)));
    List<String> names = new ArrayList<>(List.of("bob", "dan"));
    for (int i = 0; i < 1998; i++) {
      names.add("nobody" + i);
    }
    assertEquals(List.of("bob", "dan"), names(db, Users.filter(Users.NAME.in(names))));
  }

  @BackendTest
  public void inWithOneValue(Db db) {
    assertEquals(List.of("dan"), where(db, Users.LOGIN_COUNT.in(List.of(3))));
  }

  @BackendTest
  public void notInExcludesListedValues(Db db) {
    assertEquals(List.of("bob", "cid", "dan"), where(db, Users.LOGIN_COUNT.notIn(0, 4)));
  }

  @BackendTest
  public void notInNeverMatchesNull(Db db) {
    assertEquals(List.of("ann", "eve"), where(db, Users.NICKNAME.notIn("c")));
  }

  @BackendTest
  public void inEmptyListMatchesNothing(Db db) {
    assertEquals(List.of(), where(db, Users.NAME.in(List.of())));
  }

  @BackendTest
  public void notInEmptyListMatchesEveryNonNullValue(Db db) {
    assertEquals(List.of("ann", "cid", "eve"), where(db, Users.NICKNAME.notIn(List.of())));
  }

  @BackendTest
  public void inEmptyListOrOtherCondition(Db db) {
    assertEquals(List.of("bob"),
        where(db, Users.NAME.in(List.<String>of()).or(Users.NAME.eq("bob"))));
  }

  @BackendTest
  public void emptyAllMatchesEverythingAndEmptyAnyNothing(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(5, names(db, Users.filter(Condition.all(List.of()))).size());
    assertEquals(List.of(), names(db, Users.filter(Condition.any(List.of()))));
  }

  @BackendTest
  public void chainedFiltersAreAnded(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("cid"), names(db, Users.filter(Users.LOGIN_COUNT.ge(2))
        .filter(Users.LOGIN_COUNT.le(2))));
  }

  @BackendTest
  public void fieldComparedWithAnotherField(Db db) {
    Fixtures.fiveUsers(db);
    Fixtures.user(db, "zed", "zed", 9);
    assertEquals(List.of("zed"), names(db, Users.filter(Users.NAME.eq(Users.NICKNAME))));
  }

  @BackendTest
  public void indexFinderCombinedWithFilter(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("eve"),
        names(db, Users.filterByNickname("a").filter(Users.LOGIN_COUNT.gt(0))));
  }
}
