package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.DbOptions;
import io.toasty.tck.Models;
import io.toasty.tck.Tck;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.List;

/**
 * The plan cache: a statement's shape (its literals replaced by slots) is planned once, and
 * every statement of that shape, whatever its values, reuses the plan.
 */
@Models(Users.class)
public abstract class PlanCacheScenarios {

  @BackendTest
  public void aRepeatedQueryWithOtherValuesHitsTheCache(Db db) {
    Fixtures.fiveUsers(db);
    await(Users.filter(Users.NAME.eq("ann")).collect(db));
    var before = db.planCacheStats();
    assertEquals(List.of("bob"),
        Fixtures.sortedNames(await(Users.filter(Users.NAME.eq("bob")).collect(db))));
    var after = db.planCacheStats();
    assertEquals(before.hits() + 1, after.hits(), () -> before + " -> " + after);
    assertEquals(before.misses(), after.misses(), () -> before + " -> " + after);
  }

  @BackendTest
  public void aNewShapeMissesTheCache(Db db) {
    await(Users.filter(Users.NAME.eq("ann")).collect(db));
    var before = db.planCacheStats();
    await(Users.filter(Users.EMAIL.eq("ann@example.com")).collect(db));
    var after = db.planCacheStats();
    assertEquals(before.misses() + 1, after.misses(), () -> before + " -> " + after);
    assertEquals(before.size() + 1, after.size(), () -> before + " -> " + after);
  }

  @BackendTest
  public void keyLookupsWithOtherKeysShareAPlan(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    await(Users.getById(db, users.get(0).id()));
    var before = db.planCacheStats();
    for (int i = 1; i < 5; i++) {
      assertEquals(users.get(i), await(Users.getById(db, users.get(i).id())));
    }
    var after = db.planCacheStats();
    assertEquals(before.hits() + 4, after.hits(), () -> before + " -> " + after);
    assertEquals(before.misses(), after.misses(), () -> before + " -> " + after);
  }

  @BackendTest
  public void createsWithOtherValuesShareAPlan(Db db) {
    Fixtures.user(db, "ann");
    var before = db.planCacheStats();
    Fixtures.user(db, "bob");
    Fixtures.user(db, "cid");
    var after = db.planCacheStats();
    assertEquals(before.hits() + 2, after.hits(), () -> before + " -> " + after);
    assertEquals(before.misses(), after.misses(), () -> before + " -> " + after);
  }

  @BackendTest
  public void updatesWithOtherValuesShareAPlan(Db db) {
    List<User> users = Fixtures.fiveUsers(db);
    await(Users.updateById(users.get(0).id()).loginCount(Users.LOGIN_COUNT.plus(1)).exec(db));
    var before = db.planCacheStats();
    await(Users.updateById(users.get(1).id()).loginCount(Users.LOGIN_COUNT.plus(5)).exec(db));
    var after = db.planCacheStats();
    assertEquals(before.hits() + 1, after.hits(), () -> before + " -> " + after);
    assertEquals(6, await(Users.getById(db, users.get(1).id())).loginCount());
  }

  @BackendTest
  @DbOptions(planCacheSize = 2)
  public void theCacheStaysWithinItsSize(Db db) {
    await(Users.filter(Users.NAME.eq("a")).collect(db));
    await(Users.filter(Users.EMAIL.eq("a")).collect(db));
    await(Users.filter(Users.LOGIN_COUNT.eq(1)).collect(db));
    await(Users.filter(Users.NICKNAME.eq("a")).collect(db));
    // Bounded caches may evict after the insert that overflowed them, so wait a little.
    Tck.eventually("the plan cache holds at most 2 plans: " + db.planCacheStats(),
        () -> db.planCacheStats().size() <= 2);
    var stats = db.planCacheStats();
    assertTrue(stats.misses() >= 4, stats::toString);
  }
}
