package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.assertOperations;
import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.UniqueViolationException;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.models.AllTypesRows;
import io.toasty.tck.models.Doc;
import io.toasty.tck.models.Docs;
import io.toasty.tck.models.User;
import io.toasty.tck.models.Users;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Error translation: every failure is a typed exception naming the model, the field and the
 * value where there is one, and a failed write changes nothing. Faults are injected with the
 * {@link OperationLog}.
 */
@Models({Users.class, Docs.class, AllTypesRows.class})
public abstract class ErrorScenarios {

  @BackendTest
  public void uniqueViolationOnCreateNamesModelAndFieldAndWritesNothing(Db db) {
    User ann = Fixtures.user(db, "ann");
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> Users.create().name("other").email("ann@example.com").exec(db));
    assertEquals(Optional.of("User"), e.model());
    assertEquals(Optional.of("email"), e.field());
    assertTrue(e.getMessage().contains("User") && e.getMessage().contains("email"),
        e::getMessage);
    assertEquals(List.of(ann), Fixtures.allUsers(db));
  }

  @BackendTest
  public void uniqueViolationOnUpdateChangesNoRow(Db db) {
    User ann = Fixtures.user(db, "ann");
    User bob = Fixtures.user(db, "bob");
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> Users.updateById(bob.id()).email("ann@example.com").name("changed").exec(db));
    assertEquals(Optional.of("User"), e.model());
    assertEquals(Optional.of("email"), e.field());
    assertEquals(List.of(ann, bob), Fixtures.allUsers(db));
  }

  @BackendTest
  public void uniqueViolationOnInstanceUpdateChangesNoRow(Db db) {
    User ann = Fixtures.user(db, "ann");
    User bob = Fixtures.user(db, "bob");
    failure(UniqueViolationException.class,
        () -> Users.update(bob).email("ann@example.com").exec(db));
    assertEquals(List.of(ann, bob), Fixtures.allUsers(db),
        "an instance update that failed with a unique violation changed the table");
  }

  @BackendTest
  public void duplicatePrimaryKeyNamesTheKeyField(Db db) {
    UUID id = UUID.randomUUID();
    Doc first = await(Docs.create().id(id).title("first").exec(db));
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> Docs.create().id(id).title("second").exec(db));
    assertEquals(Optional.of("Doc"), e.model());
    assertEquals(Optional.of("id"), e.field());
    assertEquals(List.of(first), await(Docs.all().collect(db)));
  }

  @BackendTest
  public void uniqueViolationCarriesTheDriverErrorAsCause(Db db) {
    Fixtures.user(db, "ann");
    UniqueViolationException e = failure(UniqueViolationException.class,
        () -> Users.create().name("x").email("ann@example.com").exec(db));
    assertTrue(e.getCause() != null, "no cause");
  }

  @BackendTest
  public void requiredFieldMissingNamesItAndReachesNoDriver(Db db, OperationLog log) {
    InvalidStatementException e = failure(InvalidStatementException.class,
        () -> Users.create().email("x@example.com").exec(db));
    assertEquals(Optional.of("User"), e.model());
    assertEquals(Optional.of("name"), e.field());
    assertTrue(e.getMessage().contains("User.name"), e::getMessage);
    assertOperations(0, log);
    assertEquals(List.of(), Fixtures.allUsers(db));
  }

  @BackendTest
  public void aCreateWithNothingSetNamesARequiredField(Db db) {
    InvalidStatementException e = failure(InvalidStatementException.class,
        () -> Users.create().exec(db));
    assertEquals(Optional.of("User"), e.model());
    assertTrue(e.field().isPresent(), e::getMessage);
    assertTrue(List.of("name", "email").contains(e.field().get()), e::getMessage);
    assertEquals(List.of(), Fixtures.allUsers(db));
  }

  @BackendTest
  public void aNullInABoxedFieldIsInvalid(Db db, OperationLog log) {
    InvalidStatementException e = failure(InvalidStatementException.class,
        () -> FieldTypeScenarios.typical().boxedInt(null).exec(db));
    assertEquals(Optional.of("AllTypes"), e.model());
    assertEquals(Optional.of("boxedInt"), e.field());
    assertOperations(0, log);
    assertEquals(List.of(), await(AllTypesRows.all().collect(db)));
  }

  @BackendTest
  public void aNullRequiredStringInAnUpdateIsInvalid(Db db) {
    User ann = Fixtures.user(db, "ann");
    InvalidStatementException e = failure(InvalidStatementException.class,
        () -> Users.updateById(ann.id()).name((String) null).exec(db));
    assertEquals(Optional.of("name"), e.field());
    assertEquals(List.of(ann), Fixtures.allUsers(db));
  }

  @BackendTest
  public void recordNotFoundNamesModelAndFilter(Db db) {
    RecordNotFoundException e = failure(RecordNotFoundException.class,
        () -> Users.getById(db, new UUID(0, 7)));
    assertEquals(Optional.of("User"), e.model());
    assertTrue(e.getMessage().startsWith("User: "), e::getMessage);
    assertTrue(e.getMessage().contains("id = " + new UUID(0, 7)), e::getMessage);
  }

  @BackendTest
  public void anInjectedFaultSurfacesAsIsAndWritesNothing(Db db, OperationLog log) {
    DriverException boom = new DriverException("tck", "08006", "injected connection failure",
        null);
    log.failNext(op -> op instanceof Operation.Insert || op instanceof Operation.QuerySql, boom);
    DriverException e = failure(DriverException.class,
        () -> Users.create().name("ann").email("ann@example.com").exec(db));
    assertSame(boom, e);
    assertTrue(log.entries().get(0).injected(), log::toString);
    assertEquals(List.of(), Fixtures.allUsers(db));
  }

  @BackendTest
  public void theDatabaseWorksAfterAnInjectedFault(Db db, OperationLog log) {
    log.failNext(new DriverException("tck", null, "injected", null));
    failure(DriverException.class, () -> Users.getById(db, new UUID(0, 1)));
    User ann = Fixtures.user(db, "ann");
    assertEquals(ann, await(Users.getById(db, ann.id())));
  }

  @BackendTest
  public void aFailedConnectSurfacesAndTheNextQueryWorks(Db db, OperationLog log) {
    DriverException dropped = new DriverException("tck", "08003", "injected: connection lost",
        null);
    log.failNextConnect(dropped);
    DriverException e = failure(DriverException.class, () -> Users.all().collect(db));
    assertSame(dropped, e);
    assertEquals(List.of(), await(Users.all().collect(db)));
  }
}
