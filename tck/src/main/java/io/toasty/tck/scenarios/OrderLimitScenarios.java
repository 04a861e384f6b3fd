package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Select;
import io.toasty.error.RecordNotFoundException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.Requires;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Ordering, limit and offset, and the terminal methods first, get, collect and stream. */
@Models(Users.class)
@Requires(Need.SCAN)
public abstract class OrderLimitScenarios {

  static List<String> names(Db db, Select<User> query) {
    return Fixtures.map(await(query.collect(db)), User::name);
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void orderByAscending(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("ann", "bob", "cid", "dan", "eve"),
        names(db, Users.all().orderBy(Users.NAME.asc())));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void orderByDescending(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("eve", "dan", "cid", "bob", "ann"),
        names(db, Users.all().orderBy(Users.LOGIN_COUNT.desc())));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void thenByBreaksTies(Db db) {
    Fixtures.user(db, "x", null, 1);
    Fixtures.user(db, "z", null, 0);
    Fixtures.user(db, "y", null, 1);
    Fixtures.user(db, "w", null, 0);
    assertEquals(List.of("z", "w", "y", "x"), names(db,
        Users.all().orderBy(Users.LOGIN_COUNT.asc()).thenBy(Users.NAME.desc())));
    assertEquals(List.of("x", "y", "w", "z"), names(db,
        Users.all().orderBy(Users.LOGIN_COUNT.desc(), Users.NAME.asc())));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void orderByReplacesAnEarlierOrder(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("ann", "bob", "cid", "dan", "eve"),
        names(db, Users.all().orderBy(Users.NAME.desc()).orderBy(Users.NAME.asc())));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void orderedFilterKeepsOrder(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("eve", "cid", "ann"), names(db,
        Users.filter(Users.NICKNAME.isNotNull()).orderBy(Users.NAME.desc())));
  }

  /**
   * NULL sorts below every value on every backend (PostgreSQL's default is the other way): first
   * ascending, last descending, so a limit after an order on an optional field keeps the same
   * records everywhere. fiveUsers' nicknames: ann "a", bob none, cid "c", dan none, eve "a".
   */
  @BackendTest
  @Requires(Need.ORDER_BY)
  public void nullSortsFirstAscendingAndLastDescending(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("bob", "dan", "ann"), names(db,
        Users.all().orderBy(Users.NICKNAME.asc(), Users.NAME.asc()).limit(3)));
    assertEquals(List.of("cid", "ann", "eve", "bob"), names(db,
        Users.all().orderBy(Users.NICKNAME.desc(), Users.NAME.asc()).limit(4)));
    assertEquals(List.of("eve", "bob"), names(db,
        Users.all().orderBy(Users.NICKNAME.desc(), Users.NAME.asc()).offset(2).limit(2)));
    assertEquals("cid", await(Users.all().orderBy(Users.NICKNAME.desc()).first(db)).name());
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void limitTakesTheFirstRecords(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("ann", "bob"),
        names(db, Users.all().orderBy(Users.NAME.asc()).limit(2)));
  }

  @BackendTest
  public void limitWithoutOrderTakesThatMany(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(3, names(db, Users.all().limit(3)).size());
    assertEquals(5, names(db, Users.all().limit(50)).size());
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void offsetSkipsTheFirstRecords(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("dan", "eve"),
        names(db, Users.all().orderBy(Users.NAME.asc()).offset(3)));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void limitAndOffsetMakeAPageInEitherOrder(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("bob", "cid"),
        names(db, Users.all().orderBy(Users.NAME.asc()).offset(1).limit(2)));
    assertEquals(List.of("bob", "cid"),
        names(db, Users.all().orderBy(Users.NAME.asc()).limit(2).offset(1)));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void pagesCoverEveryRecordOnce(Db db) {
    Fixtures.fiveUsers(db);
    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int page = 0; page < 4; page++) {
      List<String> p = names(db, Users.all().orderBy(Users.NAME.asc()).limit(2).offset(page * 2L));
      sizes.add(p.size());
      seen.addAll(p);
    }
    assertEquals(List.of(2, 2, 1, 0), sizes);
    assertEquals(List.of("ann", "bob", "cid", "dan", "eve"), seen);
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void offsetBeyondTheEndIsEmpty(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of(), names(db, Users.all().orderBy(Users.NAME.asc()).offset(5)));
  }

  @BackendTest
  public void limitZeroIsEmpty(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of(), names(db, Users.all().limit(0)));
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void firstFollowsTheOrder(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals("eve", await(Users.all().orderBy(Users.LOGIN_COUNT.desc()).first(db)).name());
    assertEquals("ann", await(Users.all().orderBy(Users.NAME.asc()).get(db)).name());
  }

  @BackendTest
  public void firstOfOneMatchIsThatMatch(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals("cid", await(Users.filter(Users.LOGIN_COUNT.eq(2)).first(db)).name());
    assertEquals("cid", await(Users.filter(Users.LOGIN_COUNT.eq(2)).get(db)).name());
  }

  @BackendTest
  public void firstOfNothingIsEmpty(Db db) {
    Fixtures.fiveUsers(db);
    assertNull(await(Users.filter(Users.NAME.eq("zed")).first(db)));
  }

  @BackendTest
  public void getOfNothingNamesTheModelAndFilter(Db db) {
    Fixtures.fiveUsers(db);
    RecordNotFoundException e = failure(RecordNotFoundException.class,
        () -> Users.filter(Users.NAME.eq("zed")).get(db));
    assertEquals(Optional.of("User"), e.model());
    assertTrue(e.getMessage().contains("name = \"zed\""), e::getMessage);
  }

  @BackendTest
  @Requires(Need.ORDER_BY)
  public void streamAndCollectAgreeOnOrder(Db db) {
    Fixtures.fiveUsers(db);
    Select<User> q = Users.all().orderBy(Users.LOGIN_COUNT.desc());
    assertEquals(await(q.collect(db)), awaitAll(q.stream(db)));
  }
}
