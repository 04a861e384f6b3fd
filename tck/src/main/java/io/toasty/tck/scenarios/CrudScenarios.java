package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.RecordNotFoundException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.models.KeyOnlies;
import io.toasty.tck.models.KeyOnly;
import io.toasty.tck.models.User;
import io.toasty.tck.models.UserCreate;
import io.toasty.tck.models.Users;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Create, read, update and delete of single records: the key-only model and users. */
@Models({KeyOnlies.class, Users.class})
public abstract class CrudScenarios {

  @BackendTest
  public void keyOnlyCreateReturnsItsKey(Db db) {
    KeyOnly a = await(KeyOnlies.create().exec(db));
    KeyOnly b = await(KeyOnlies.create().exec(db));
    assertNotEquals(a.id(), b.id());
    assertEquals(a, await(KeyOnlies.getById(db, a.id())));
    assertEquals(b, await(KeyOnlies.getById(db, b.id())));
  }

  @BackendTest
  public void keyOnlyAllListsEveryRecord(Db db) {
    Set<UUID> created = Set.of(await(KeyOnlies.create().exec(db)).id(),
        await(KeyOnlies.create().exec(db)).id(), await(KeyOnlies.create().exec(db)).id());
    Set<UUID> listed = await(KeyOnlies.all().collect(db)).stream().map(KeyOnly::id)
        .collect(Collectors.toSet());
    assertEquals(created, listed);
  }

  @BackendTest
  public void keyOnlyDeleteByIdRemovesOnlyThatRecord(Db db) {
    KeyOnly a = await(KeyOnlies.create().exec(db));
    KeyOnly b = await(KeyOnlies.create().exec(db));
    assertEquals(1L, await(KeyOnlies.deleteById(a.id()).exec(db)));
    assertEquals(List.of(b), await(KeyOnlies.all().collect(db)));
    failure(RecordNotFoundException.class, () -> KeyOnlies.getById(db, a.id()));
  }

  @BackendTest
  public void keyOnlyDeleteOfMissingKeyDeletesNothing(Db db) {
    KeyOnly a = await(KeyOnlies.create().exec(db));
    assertEquals(0L, await(KeyOnlies.deleteById(UUID.randomUUID()).exec(db)));
    assertEquals(List.of(a), await(KeyOnlies.all().collect(db)));
  }

  @BackendTest
  public void emptyTableListsNothing(Db db) {
    assertEquals(List.of(), await(KeyOnlies.all().collect(db)));
    assertEquals(Optional.empty(), await(Users.all().first(db).map(Optional::of)
        .defaultIfEmpty(Optional.empty())));
  }

  @BackendTest
  public void createReturnsEveryFieldAsStored(Db db) {
    User u = await(Users.create().name("Carl").email("carl@example.com").nickname("c")
        .loginCount(3).exec(db));
    assertEquals("Carl", u.name());
    assertEquals("carl@example.com", u.email());
    assertEquals(Optional.of("c"), u.nickname());
    assertEquals(3, u.loginCount());
    assertEquals(u, await(Users.getById(db, u.id())));
  }

  @BackendTest
  public void createAppliesDefaultsAndLeavesOptionalsEmpty(Db db) {
    User u = await(Users.create().name("Ann").email("ann@example.com").exec(db));
    assertEquals(0, u.loginCount());
    assertEquals(Optional.empty(), u.nickname());
    assertEquals(u, await(Users.getById(db, u.id())));
  }

  @BackendTest
  public void createBuilderCanBeChangedAndRunAgain(Db db) {
    UserCreate builder = Users.create().name("A").email("a@example.com");
    User first = await(builder.exec(db));
    User second = await(builder.name("B").email("b@example.com").exec(db));
    assertNotEquals(first.id(), second.id());
    assertEquals("A", await(Users.getById(db, first.id())).name());
    assertEquals("B", await(Users.getById(db, second.id())).name());
  }

  @BackendTest
  public void instanceUpdateReturnsTheReloadedRecord(Db db) {
    User u = Fixtures.user(db, "ann", "a", 1);
    User updated = await(Users.update(u).name("Anna").exec(db));
    assertEquals(new User(u.id(), "Anna", u.email(), u.nickname(), 1), updated);
    assertEquals(updated, await(Users.getById(db, u.id())));
  }

  @BackendTest
  public void instanceUpdateLeavesOtherRecordsAlone(Db db) {
    User ann = Fixtures.user(db, "ann");
    User bob = Fixtures.user(db, "bob");
    await(Users.update(ann).name("Anna").exec(db));
    assertEquals(bob, await(Users.getById(db, bob.id())));
  }

  @BackendTest
  public void instanceDeleteRemovesTheRecord(Db db) {
    User ann = Fixtures.user(db, "ann");
    User bob = Fixtures.user(db, "bob");
    assertEquals(1L, await(Users.delete(ann).exec(db)));
    assertEquals(List.of(bob), await(Users.all().collect(db)));
    assertEquals(0L, await(Users.delete(ann).exec(db)));
  }

  @BackendTest
  public void instanceUpdateOfADeletedRecordIsNotFound(Db db) {
    User ann = Fixtures.user(db, "ann");
    await(Users.delete(ann).exec(db));
    RecordNotFoundException e = failure(RecordNotFoundException.class,
        () -> Users.update(ann).name("x").exec(db));
    assertEquals(Optional.of("User"), e.model());
    assertTrue(Fixtures.allUsers(db).isEmpty());
  }

  @BackendTest
  public void readsSeeEarlierWrites(Db db) {
    User u = Fixtures.user(db, "ann");
    for (int i = 1; i <= 5; i++) {
      await(Users.updateById(u.id()).loginCount(i).exec(db));
      assertEquals(i, await(Users.getById(db, u.id())).loginCount());
    }
  }
}
