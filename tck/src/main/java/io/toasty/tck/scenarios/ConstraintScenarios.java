package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Statement;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.NotNullViolationException;
import io.toasty.reactive.Db;
import io.toasty.reactive.Toasty;
import io.toasty.tck.BackendContext;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Owner;
import io.toasty.tck.models.Owners;
import io.toasty.tck.models.Pet;
import io.toasty.tck.models.PetCreate;
import io.toasty.tck.models.Pets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Constraints the database enforces that the models do not declare (a foreign key, a NOT NULL on
 * a field the model makes optional), made with SQL: each backend's driver error arrives as the
 * same typed exception, naming the model and, where the database's message names it, the field.
 * The driver's error, with its SQLSTATE, is the cause.
 */
@Models({Owners.class, Pets.class})
@Requires(Need.SQL)
public abstract class ConstraintScenarios {

  /**
   * Makes {@code pets} again with {@code owner_id} referring to {@code owners(id)} and
   * {@code note} NOT NULL (SQLite adds no constraint to an existing table, so every backend gets
   * the same CREATE TABLE).
   */
  static void constrain(BackendContext context) {
    String pets = context.quote("pets");
    context.executeSql("DROP TABLE " + pets);
    context.executeSql("CREATE TABLE " + pets + " ("
        + context.quote("id") + " BIGINT NOT NULL PRIMARY KEY, "
        + context.quote("owner_id") + " BIGINT NOT NULL, "
        + context.quote("name") + " VARCHAR(100) NOT NULL, "
        + context.quote("note") + " VARCHAR(100) NOT NULL, "
        + "CONSTRAINT " + context.quote("pets_owner_id_fkey") + " FOREIGN KEY ("
        + context.quote("owner_id") + ") REFERENCES " + context.quote("owners") + " ("
        + context.quote("id") + "))");
  }

  static Owner owner(Db db, long id) {
    return await(Owners.create().id(id).name("owner" + id).exec(db));
  }

  static Pet pet(Db db, long id, long owner) {
    return await(Pets.create().id(id).ownerId(owner).name("pet" + id).note("n").exec(db));
  }

  @BackendTest
  public void aReferenceToAMissingRecordIsAForeignKeyViolationAndWritesNothing(Db db,
      BackendContext context) {
    constrain(context);
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Pets.create().id(1).ownerId(99).name("rex").note("n").exec(db));
    assertEquals(Optional.of("Pet"), e.model());
    // PostgreSQL, MySQL/MariaDB and H2 name the column; SQLite's message names nothing.
    e.field().ifPresent(f -> assertEquals("ownerId", f));
    assertTrue(e.getCause() != null, "the driver's error is the cause");
    assertEquals(List.of(), await(Pets.all().collect(db)));
  }

  @BackendTest
  public void changingAReferenceToAMissingRecordIsAForeignKeyViolation(Db db,
      BackendContext context) {
    constrain(context);
    owner(db, 1);
    Pet rex = pet(db, 1, 1);
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Pets.updateById(1).ownerId(2).exec(db));
    assertEquals(Optional.of("Pet"), e.model());
    assertEquals(List.of(rex), await(Pets.all().collect(db)));
  }

  /**
   * Updates by key in a batch, the middle one to a missing record: the batch fails with the
   * foreign key violation and writes nothing, whether its updates went as one statement
   * (docs/batches.md, "Updates by key together") or one by one.
   */
  @BackendTest
  public void aBatchOfUpdatesWithAMissingReferenceWritesNothing(Db db, BackendContext context) {
    constrain(context);
    owner(db, 1);
    owner(db, 2);
    List<Pet> pets = List.of(pet(db, 1, 1), pet(db, 2, 1), pet(db, 3, 1));
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Toasty.batch(List.<Statement<Long>>of(Pets.updateById(1).ownerId(2),
            Pets.updateById(2).ownerId(99), Pets.updateById(3).ownerId(2))).exec(db));
    assertEquals(Optional.of("Pet"), e.model());
    assertEquals(pets, await(Pets.all().collect(db)).stream()
        .sorted(Comparator.comparingLong(Pet::id)).toList());
  }

  @BackendTest
  public void deletingAReferencedRecordIsAForeignKeyViolationAndDeletesNothing(Db db,
      BackendContext context) {
    constrain(context);
    Owner ann = owner(db, 1);
    pet(db, 1, 1);
    ForeignKeyViolationException e = failure(ForeignKeyViolationException.class,
        () -> Owners.deleteById(1).exec(db));
    assertEquals(Optional.of("Owner"), e.model());
    assertTrue(e.getMessage().contains("still refers to it"), e::getMessage);
    assertEquals(List.of(ann), await(Owners.all().collect(db)));
  }

  @BackendTest
  public void aReferenceToAnExistingRecordIsKept(Db db, BackendContext context) {
    constrain(context);
    owner(db, 1);
    Pet rex = pet(db, 1, 1);
    assertEquals(rex, await(Pets.getById(db, 1)));
  }

  @BackendTest
  public void aNullWhereTheDatabaseRequiresAValueIsANotNullViolationNamingTheField(Db db,
      BackendContext context) {
    constrain(context);
    owner(db, 1);
    NotNullViolationException e = failure(NotNullViolationException.class,
        () -> Pets.create().id(1).ownerId(1).name("rex").exec(db));
    assertEquals(Optional.of("Pet"), e.model());
    assertEquals(Optional.of("note"), e.field());
    assertTrue(e.getCause() != null, "the driver's error is the cause");
    assertEquals(List.of(), await(Pets.all().collect(db)));
  }

  @BackendTest
  public void aManyRowCreateWithOneBadReferenceWritesNothing(Db db, BackendContext context) {
    constrain(context);
    owner(db, 1);
    failure(ForeignKeyViolationException.class, () -> Pets.createMany(List.of(
        Pets.create().id(1).ownerId(1).name("a").note("n"),
        Pets.create().id(2).ownerId(7).name("b").note("n"),
        Pets.create().id(3).ownerId(1).name("c").note("n"))).exec(db));
    assertEquals(List.of(), await(Pets.all().collect(db)));
  }

  /**
   * Forty updates by key subscribed at once on the scenario's pool of four, one of them to an
   * owner nobody stored: while the pool is saturated the updates waiting together may be written
   * by one statement ({@code DbBuilder.coalesceUpdates}), which the bad reference fails whole.
   * Still, only that update fails, with its own foreign key violation naming the model, and
   * every other one is written and counts 1, as each would have alone; the refused pet keeps
   * its owner.
   */
  @BackendTest
  public void updatesWaitingTogetherOneOfThemRefusedFailsAloneAndTheOthersAreWritten(Db db,
      BackendContext context, OperationLog log) {
    constrain(context);
    owner(db, 1);
    owner(db, 2);
    int pets = 40;
    List<PetCreate> creates = new ArrayList<>();
    for (long id = 1; id <= pets; id++) {
      creates.add(Pets.create().id(id).ownerId(1).name("pet" + id).note("n"));
    }
    await(Pets.createMany(creates).exec(db));
    long refused = 17;
    int before = log.size();
    List<Object> outcomes = await(Flux.range(1, pets)
        .flatMapSequential(id -> Pets.updateById(id).ownerId(id == refused ? 99 : 2).exec(db)
            .<Object>map(count -> count)
            .onErrorResume(ForeignKeyViolationException.class, Mono::just),
            pets)
        .collectList());
    System.out.printf("[%s] %d updates at once, one refused: %d operations sent%n",
        context.backend().name(), pets, log.size() - before);
    for (int id = 1; id <= pets; id++) {
      Object outcome = outcomes.get(id - 1);
      if (id == refused) {
        ForeignKeyViolationException e = (ForeignKeyViolationException) outcome;
        assertEquals(Optional.of("Pet"), e.model());
        assertTrue(e.getCause() != null, "the driver's error is the cause");
      } else {
        assertEquals(1L, outcome, "update of pet " + id);
      }
    }
    for (Pet pet : await(Pets.all().collect(db))) {
      assertEquals(pet.id() == refused ? 1L : 2L, pet.ownerId(), "owner of pet " + pet.id());
    }
  }
}
