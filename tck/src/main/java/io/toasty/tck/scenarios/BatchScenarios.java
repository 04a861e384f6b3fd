package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.assertOperations;
import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.awaitAll;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.Insert;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Doc;
import io.toasty.tck.models.DocCreate;
import io.toasty.tck.models.Docs;
import io.toasty.tck.models.User;
import io.toasty.tck.models.UserCreate;
import io.toasty.tck.models.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Many records in one create: in order, atomically, in one operation where the backend can. */
@Models({Users.class, Docs.class})
public abstract class BatchScenarios {

  @BackendTest
  public void createManyReturnsTheRecordsInOrder(Db db) {
    List<UserCreate> creates = Fixtures.creates("u", 5);
    creates.set(2, Users.create().name("u2").email("u2@example.com").nickname("two")
        .loginCount(2));
    List<User> users = await(Users.createMany(creates).exec(db));
    assertEquals(List.of("u0", "u1", "u2", "u3", "u4"), Fixtures.map(users, User::name));
    assertEquals(Optional.of("two"), users.get(2).nickname());
    assertEquals(2, users.get(2).loginCount());
    assertEquals(0, users.get(3).loginCount());
    assertEquals(users, Fixtures.allUsers(db));
  }

  @BackendTest
  public void createManyIsOneOperationWhereTheBackendInsertsManyRows(Db db, OperationLog log,
      Capability capability) {
    await(Users.createMany(Fixtures.creates("u", 4)).exec(db));
    if (capability.multiRowInsert()) {
      assertOperations(1, log);
      if (capability.sql()) {
        assertEquals(1, log.count(Operation.Insert.class), log::toString);
      }
    }
    assertEquals(4, Fixtures.allUsers(db).size());
  }

  @BackendTest
  public void createManyStreamsTheCreatedRecords(Db db) {
    List<String> names = new ArrayList<>();
    await(Insert.of(Users.MODEL, Fixtures.creates("s", 3)).stream(db)
        .doOnNext(u -> names.add(u.name())).then());
    assertEquals(List.of("s0", "s1", "s2"), names);
  }

  @BackendTest
  public void createManyIsAtomicOnAUniqueViolation(Db db) {
    User existing = Fixtures.user(db, "dup");
    List<UserCreate> creates = Fixtures.creates("u", 3);
    creates.add(Users.create().name("again").email("dup@example.com"));
    creates.addAll(Fixtures.creates("v", 2));
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> Users.createMany(creates).exec(db));
    assertEquals(Optional.of("email"), e.field());
    assertEquals(List.of(existing), Fixtures.allUsers(db));
  }

  @BackendTest
  public void createManyIsAtomicOnADuplicateWithinTheBatch(Db db) {
    List<UserCreate> creates = Fixtures.creates("u", 3);
    creates.add(Users.create().name("again").email("u1@example.com"));
    failure(UniqueViolationException.class, () -> Users.createMany(creates).exec(db));
    assertEquals(List.of(), Fixtures.allUsers(db));
  }

  @BackendTest
  public void createManyWithARequiredFieldMissingWritesNothing(Db db, OperationLog log) {
    List<UserCreate> creates = Fixtures.creates("u", 2);
    creates.add(Users.create().email("noname@example.com"));
    InvalidStatementException e = failure(InvalidStatementException.class,
        () -> Users.createMany(creates).exec(db));
    assertEquals(Optional.of("name"), e.field());
    assertOperations(0, log);
    assertEquals(List.of(), Fixtures.allUsers(db));
  }

  @BackendTest
  public void createManyOfNothingCreatesNothingAndSendsNothing(Db db, OperationLog log) {
    assertEquals(List.of(), await(Users.createMany(List.of()).exec(db)));
    assertEquals(List.of(), awaitAll(Users.createMany(List.of()).stream(db)));
    assertOperations(0, log);
    assertEquals(0, log.connectionsAcquired(), "no connection taken for nothing");
    assertEquals(List.of(), Fixtures.allUsers(db));
  }

  /**
   * More than one DynamoDB atomic write holds (a user is an item, and so is its unique email):
   * all written at once, or refused before anything is sent.
   */
  @BackendTest
  @Requires(Need.LARGE_ATOMIC_WRITES)
  public void createManyBeyondAnAtomicWriteLimit(Db db) {
    List<User> users = await(Users.createMany(Fixtures.creates("x", 60)).exec(db));
    assertEquals(60, users.size());
    assertEquals(60, Fixtures.allUsers(db).size());
  }

  @BackendTest
  public void createManyOfAHundredRecords(Db db) {
    // A model without unique fields: a hundred records are a hundred items, the most one
    // atomic write holds on DynamoDB (a user's unique email would add an item per user).
    List<DocCreate> creates = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      creates.add(Docs.create().title("h" + i));
    }
    List<Doc> docs = await(Docs.createMany(creates).exec(db));
    assertEquals(100, docs.size());
    assertEquals("h99", docs.get(99).title());
    assertEquals(100, await(Docs.all().collect(db)).size());
  }
}
