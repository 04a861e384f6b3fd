package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.reactive.Db;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.List;
import reactor.core.publisher.Flux;

/** Several {@code Db} instances in one JVM: no shared state, no shared data. */
@Models(Users.class)
public abstract class MultiDbScenarios {

  @BackendTest
  public void twoDatabasesKeepSeparateData(Db db, BackendContext context) {
    Db other = context.open().db();
    Fixtures.user(db, "ann");
    Fixtures.user(other, "bob");
    Fixtures.user(other, "cid");
    assertEquals(List.of("ann"), Fixtures.sortedNames(Fixtures.allUsers(db)));
    assertEquals(List.of("bob", "cid"), Fixtures.sortedNames(Fixtures.allUsers(other)));
  }

  @BackendTest
  public void uniqueValuesAreScopedToTheirDatabase(Db db, BackendContext context) {
    Db other = context.open().db();
    Fixtures.user(db, "ann");
    User inOther = Fixtures.user(other, "ann");
    assertEquals("ann@example.com", inOther.email());
  }

  @BackendTest
  public void eachDatabaseLogsOnlyItsOwnOperations(Db db, OperationLog log,
      BackendContext context) {
    BackendContext.Opened other = context.open();
    await(Users.all().collect(other.db()));
    await(Users.all().collect(other.db()));
    assertEquals(0, log.size(), log::toString);
    assertEquals(2, other.log().size(), other.log()::toString);
  }

  @BackendTest
  public void databasesWorkConcurrently(Db db, BackendContext context) {
    Db other = context.open().db();
    List<List<User>> both = Flux.merge(
        Users.createMany(Fixtures.creates("a", 20)).exec(db),
        Users.createMany(Fixtures.creates("b", 30)).exec(other)).collectList().block();
    assertEquals(2, both.size());
    assertEquals(20, Fixtures.allUsers(db).size());
    assertEquals(30, Fixtures.allUsers(other).size());
  }

  @BackendTest
  public void closingOneDatabaseLeavesTheOtherWorking(Db db, BackendContext context) {
    Db other = context.open().db();
    Fixtures.user(db, "ann");
    await(other.close());
    assertEquals(List.of("ann"), Fixtures.sortedNames(Fixtures.allUsers(db)));
  }
}
