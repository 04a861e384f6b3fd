package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Delete;
import io.toasty.Feature;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.models.User;
import io.toasty.tck.models.UserUpdate;
import io.toasty.tck.models.Users;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The generated finders: by key, by unique field and by index; get, update and delete. */
@Models(Users.class)
public abstract class FinderScenarios {

  @BackendTest
  public void filterByIdFindsOnlyThatRecord(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    assertEquals(List.of(users.get(2)), await(Users.filterById(users.get(2).id()).collect(db)));
  }

  @BackendTest
  public void getByIdReturnsTheRecord(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    for (User u : users) {
      assertEquals(u, await(Users.getById(db, u.id())));
    }
  }

  @BackendTest
  public void getByIdOfAMissingKeyNamesModelAndKey(Db db) {
    Fixtures.fiveUsers(db);
    RecordNotFoundException e = failure(RecordNotFoundException.class,
        () -> Users.getById(db, new UUID(0, 424242)));
    assertEquals(Optional.of("User"), e.model());
    assertTrue(e.getMessage().contains("User")
        && e.getMessage().contains("id = " + new UUID(0, 424242)), e::getMessage);
  }

  @BackendTest
  public void filterByUniqueFieldFindsOneRecord(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    assertEquals(List.of(users.get(3)),
        await(Users.filterByEmail("dan@example.com").collect(db)));
  }

  @BackendTest
  public void getByUniqueFieldReturnsTheRecord(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    assertEquals(users.get(4), await(Users.getByEmail(db, "eve@example.com")));
  }

  @BackendTest
  public void getByUniqueFieldOfAMissingValueNamesModelAndValue(Db db) {
    Fixtures.fiveUsers(db);
    RecordNotFoundException e = failure(RecordNotFoundException.class,
        () -> Users.getByEmail(db, "nobody@example.com"));
    assertEquals(Optional.of("User"), e.model());
    assertTrue(e.getMessage().contains("email = \"nobody@example.com\""), e::getMessage);
  }

  @BackendTest
  public void filterByIndexFindsEveryMatch(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(List.of("ann", "eve"),
        Fixtures.sortedNames(await(Users.filterByNickname("a").collect(db))));
    assertEquals(List.of(), await(Users.filterByNickname("zz").collect(db)));
  }

  @BackendTest
  public void updateByIdCountsAndChangesOnlyThatRecord(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    assertEquals(1L, await(Users.updateById(users.get(1).id()).name("robert").exec(db)));
    List<User> after = Fixtures.allUsers(db);
    assertEquals("robert", after.get(1).name());
    assertEquals(List.of("ann", "cid", "dan", "eve", "robert"), Fixtures.sortedNames(after));
  }

  @BackendTest
  public void updateByIdOfAMissingKeyCountsZero(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    assertEquals(0L, await(Users.updateById(new UUID(0, 424242)).name("x").exec(db)));
    assertEquals(users, Fixtures.allUsers(db));
  }

  @BackendTest
  public void updateByUniqueField(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(1L, await(Users.updateByEmail("cid@example.com").loginCount(42).exec(db)));
    assertEquals(42, await(Users.getByEmail(db, "cid@example.com")).loginCount());
  }

  @BackendTest
  public void deleteByIdCountsAndRemovesOnlyThatRecord(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    assertEquals(1L, await(Users.deleteById(users.get(0).id()).exec(db)));
    assertEquals(users.subList(1, 5), Fixtures.allUsers(db));
    assertEquals(0L, await(Users.deleteById(users.get(0).id()).exec(db)));
  }

  @BackendTest
  public void deleteByUniqueField(Db db) {
    Fixtures.fiveUsers(db);
    assertEquals(1L, await(Users.deleteByEmail("bob@example.com").exec(db)));
    assertEquals(List.of("ann", "cid", "dan", "eve"), Fixtures.sortedNames(Fixtures.allUsers(db)));
    assertEquals(0L, await(Users.deleteByEmail("bob@example.com").exec(db)));
  }

  @BackendTest
  public void findersSeeUpdatedUniqueValues(Db db) {
    User u = Fixtures.user(db, "ann");
    await(Users.updateById(u.id()).email("anna@example.com").exec(db));
    assertEquals(List.of(), await(Users.filterByEmail("ann@example.com").collect(db)));
    assertEquals(u.id(), await(Users.getByEmail(db, "anna@example.com")).id());
  }

  @BackendTest
  public void mutationOfAnOrderedOrLimitedQueryIsRefused(Db db, OperationLog log) {
    Fixtures.fiveUsers(db);
    log.clear();
    // built without throwing: the refusal is the error signal of the statement when it runs
    UserUpdate<Long> update = Users.all().orderBy(Users.NAME.asc()).update().loginCount(9);
    Delete<User> delete = Users.all().limit(1).delete();
    Delete<User> offset = Users.all().offset(2).delete();
    assertEquals(Feature.ORDERED_MUTATION,
        failure(UnsupportedFeatureException.class, () -> update.exec(db)).feature());
    assertEquals(Feature.ORDERED_MUTATION,
        failure(UnsupportedFeatureException.class, () -> update.result(db)).feature());
    assertEquals(Feature.ORDERED_MUTATION,
        failure(UnsupportedFeatureException.class, () -> delete.exec(db)).feature());
    assertEquals(Feature.ORDERED_MUTATION,
        failure(UnsupportedFeatureException.class, () -> offset.result(db)).feature());
    assertEquals(Feature.ORDERED_MUTATION, failure(UnsupportedFeatureException.class,
        () -> Toasty.batch(Users.filterById(UUID.randomUUID()).delete(), delete).exec(db))
        .feature());
    assertEquals(0, log.size(), log::toString);
    assertEquals(5, Fixtures.allUsers(db).size());
    assertEquals(0L, Fixtures.allUsers(db).stream().filter(u -> u.loginCount() == 9).count());
  }
}
