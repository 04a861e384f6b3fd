package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.assertOperations;
import static io.toasty.tck.Tck.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Condition;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.reactive.Db;
import io.toasty.stmt.Query;
import io.toasty.stmt.UpdateNode;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Tck;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.List;

/**
 * The shape of plans, seen from the driver: how many operations each statement costs. A simple
 * statement is one operation; one whose filter simplifies to false is none.
 */
@Models(Users.class)
public abstract class OperationLogScenarios {

  @BackendTest
  public void aFilteredQueryIsOneOperation(Db db, OperationLog log, Capability capability) {
    Fixtures.fiveUsers(db);
    log.clear();
    assertEquals(3, await(Users.filter(Users.LOGIN_COUNT.ge(2)).collect(db)).size());
    assertOperations(1, log);
    if (capability.sql()) {
      assertInstanceOf(Operation.QuerySql.class, log.last().operation());
    }
    assertEquals(new OperationLog.Outcome.Rows(3), log.last().outcome());
  }

  @BackendTest
  public void aKeyLookupIsOneOperation(Db db, OperationLog log) {
    User ann = Fixtures.user(db, "ann");
    log.clear();
    await(Users.getById(db, ann.id()));
    assertOperations(1, log);
  }

  @BackendTest
  public void aUniqueLookupIsOneOperation(Db db, OperationLog log, Capability capability) {
    Fixtures.user(db, "ann");
    log.clear();
    await(Users.getByEmail(db, "ann@example.com"));
    // A key-value backend reads the key from the unique index, then the record by its key.
    assertOperations(capability.sql() ? 1 : 2, log);
  }

  @BackendTest
  public void aCreateIsOneInsert(Db db, OperationLog log, Capability capability) {
    Fixtures.user(db, "ann");
    assertOperations(1, log);
    if (capability.sql()) {
      assertInstanceOf(Operation.Insert.class, log.last().operation());
    }
  }

  @BackendTest
  public void anUpdateByKeyIsOneOperationWithItsCount(Db db, OperationLog log) {
    User ann = Fixtures.user(db, "ann");
    log.clear();
    await(Users.updateById(ann.id()).loginCount(3).exec(db));
    assertOperations(1, log);
    assertEquals(new OperationLog.Outcome.Count(1), log.last().outcome());
  }

  @BackendTest
  public void anInstanceUpdateIsOneOperationWhereMutationsReturnRows(Db db, OperationLog log,
      Capability capability) {
    User ann = Fixtures.user(db, "ann");
    log.clear();
    await(Users.update(ann).loginCount(3).exec(db));
    if (capability.returningFromMutation()) {
      assertOperations(1, log);
      return;
    }
    // Without RETURNING (MariaDB, MySQL) the record is read again after the update, and a plan
    // with a mutation among several operations runs in one transaction: BEGIN, the statements
    // (one of them the UPDATE), COMMIT.
    List<Operation> ops = log.operations();
    assertTrue(ops.size() >= 4 && ops.size() <= 5, log::toString);
    assertEquals(Operation.Transaction.Kind.BEGIN,
        ((Operation.Transaction) ops.get(0)).kind(), log::toString);
    assertEquals(Operation.Transaction.Kind.COMMIT,
        ((Operation.Transaction) ops.get(ops.size() - 1)).kind(), log::toString);
    assertEquals(1, log.operations(Operation.QuerySql.class).stream()
        .filter(q -> q.statement() instanceof UpdateNode).count(), log::toString);
    assertTrue(log.operations(Operation.QuerySql.class).get(
        log.operations(Operation.QuerySql.class).size() - 1).statement()
        instanceof Query, log::toString);
  }

  @BackendTest
  public void aDeleteByKeyIsOneOperationWithItsCount(Db db, OperationLog log) {
    User ann = Fixtures.user(db, "ann");
    log.clear();
    await(Users.deleteById(ann.id()).exec(db));
    assertOperations(1, log);
    assertEquals(new OperationLog.Outcome.Count(1), log.last().outcome());
  }

  @BackendTest
  public void anEmptyInListIsNoOperation(Db db, OperationLog log) {
    assertEquals(List.of(), await(Users.filter(Users.ID.in(List.of())).collect(db)));
    assertOperations(0, log);
  }

  @BackendTest
  public void aFilterThatSimplifiesToFalseIsNoOperation(Db db, OperationLog log) {
    assertEquals(List.of(), await(Users.filter(Users.NAME.eq("ann")
        .and(Condition.any(List.of()))).collect(db)));
    assertEquals(List.of(), await(Users.filter(Users.NAME.in(List.of())
        .or(Users.EMAIL.in(List.of()))).collect(db)));
    assertOperations(0, log);
  }

  @BackendTest
  public void mutationsWithAnEmptyInAreNoOperation(Db db, OperationLog log) {
    assertEquals(0L, await(Users.filter(Users.ID.in(List.of())).delete().exec(db)));
    assertEquals(0L, await(Users.filter(Users.ID.in(List.of())).update().name("x").exec(db)));
    assertOperations(0, log);
  }

  @BackendTest
  public void firstAsksForOneRow(Db db, OperationLog log) {
    Fixtures.fiveUsers(db);
    log.clear();
    await(Users.all().first(db));
    assertOperations(1, log);
    // the record is told at its row; the operation's end (its outcome) follows it
    Tck.eventually("the read ended", () -> !(log.last().outcome()
        instanceof OperationLog.Outcome.Pending));
    OperationLog.Outcome outcome = log.last().outcome();
    // Either the backend was asked for one row, or the stream was cancelled after one.
    if (!(outcome instanceof OperationLog.Outcome.Cancelled c && c.rows() == 1)) {
      assertEquals(new OperationLog.Outcome.Rows(1), outcome);
    }
  }

  @BackendTest
  public void buildingAStatementRunsNothing(Db db, OperationLog log) {
    Users.all().stream(db);
    Users.create().name("ann").email("ann@example.com").exec(db);
    Users.all().delete().exec(db);
    assertOperations(0, log);
    assertEquals(0, log.connectionsAcquired());
  }

  @BackendTest
  public void explainDescribesThePlanWithoutRunningIt(Db db, OperationLog log) {
    String plan = db.explain(Users.filter(Users.NAME.eq("ann")).untyped());
    assertTrue(plan != null && !plan.isBlank(), "explain returned nothing");
    assertTrue(plan.contains("User") || plan.contains("users"), plan);
    assertOperations(0, log);
  }
}
