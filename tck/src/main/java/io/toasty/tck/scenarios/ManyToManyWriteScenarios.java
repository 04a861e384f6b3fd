package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.Tck.failure;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.HasMany;
import io.toasty.driver.Capability;
import io.toasty.driver.Operation;
import io.toasty.error.DriverException;
import io.toasty.error.InvalidStatementException;
import io.toasty.reactive.Db;
import io.toasty.stmt.Source;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.OperationLog;
import io.toasty.tck.models.Course;
import io.toasty.tck.models.Courses;
import io.toasty.tck.models.Enrollments;
import io.toasty.tck.models.Student;
import io.toasty.tck.models.Students;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Many-to-many reads and writes through the join model (students and courses through
 * enrollments): the include is one query per level on SQL and honours its filter and order;
 * link ({@code insert}) and unlink ({@code remove}) on the handle and the nested create through
 * the join model are each one atomic write, and their errors are signals.
 */
@Models({Students.class, Courses.class, Enrollments.class})
public abstract class ManyToManyWriteScenarios {

  @BackendTest
  public void includeIsOneQueryPerLevel(Db db, OperationLog log, Capability capability) {
    ManyToManyScenarios.Data d = ManyToManyScenarios.data(db);
    log.clear();
    List<Student> students = sortedBy(await(Students.all()
        .include(Students.COURSES.then(Courses.STUDENTS)).collect(db)), Student::name);
    // SQL: students, courses joined to their enrollments, students of those courses joined to
    // theirs; a key-value backend reads each many-to-many level as its join records, then the
    // targets by key.
    assertEquals(capability.sql() ? 3 : 5, log.size(), log::toString);
    assertEquals(List.of("math", "art"), ManyToManyScenarios.titles(students.get(0).courses()
        .get()));
    Course art = students.get(1).courses().get().get(0);
    assertEquals(List.of("ann", "bob"), sortedBy(art.students().get(), Student::name).stream()
        .map(Student::name).toList());
    assertEquals(d.bob().id(), students.get(1).id());
  }

  @BackendTest
  public void includeHonoursItsFilter(Db db, OperationLog log, Capability capability) {
    ManyToManyScenarios.Data d = ManyToManyScenarios.data(db);
    log.clear();
    List<Student> students = sortedBy(await(Students.all()
        .include(Students.COURSES.filter(Courses.TITLE.ne("math"))).collect(db)),
        Student::name);
    assertEquals(capability.sql() ? 2 : 3, log.size(), log::toString);
    assertEquals(List.of("art"), ManyToManyScenarios.titles(students.get(0).courses().get()));
    assertEquals(List.of("art"), ManyToManyScenarios.titles(students.get(1).courses().get()));
    assertEquals(d.ann().id(), students.get(0).id());
  }

  @BackendTest
  public void includeHonoursItsOrder(Db db, OperationLog log) {
    ManyToManyScenarios.Data d = ManyToManyScenarios.data(db);
    await(Enrollments.create().student(d.ann()).course(d.gym()).exec(db));
    log.clear();
    Student ann = Students.filterById(d.ann().id())
        .include(Students.COURSES.orderBy(Courses.TITLE.asc())).get(db).block();
    // On a key-value backend the join records, then their courses by key, sorted in the merge.
    assertEquals(db.capability().sql() ? 2 : 3, log.size(), log::toString);
    assertEquals(List.of("art", "gym", "math"), ManyToManyScenarios.titles(ann.courses().get()));
    Student desc = await(Students.filterById(d.ann().id())
        .include(Students.COURSES.orderBy(Courses.TITLE.desc())).get(db));
    assertEquals(List.of("math", "gym", "art"), ManyToManyScenarios.titles(desc.courses()
        .get()));
  }

  @BackendTest
  public void linkAddsJoinRecordsInOneWrite(Db db, OperationLog log) {
    ManyToManyScenarios.Data d = ManyToManyScenarios.data(db);
    log.clear();
    assertEquals(2L, await(d.bob().courses().insert(db, d.math(), d.gym())));
    assertEquals(1, log.size(), log::toString);
    assertEquals(List.of("art", "gym", "math"), ManyToManyScenarios.titles(sortedBy(
        await(d.bob().courses().collect(db)), Course::title)));
    assertEquals(5L, await(Enrollments.all().count(db)));
    assertEquals(3L, await(Courses.all().count(db)));
  }

  @BackendTest
  public void unlinkDeletesOnlyTheJoinRecords(Db db, OperationLog log, Capability capability) {
    ManyToManyScenarios.Data d = ManyToManyScenarios.data(db);
    await(Enrollments.create().student(d.ann()).course(d.gym()).exec(db));
    log.clear();
    assertEquals(2L, await(d.ann().courses().remove(db, d.math(), d.gym())));
    // SQL: one DELETE; key-value: the join records through the index (keys, then items, kept
    // when they link one of the records), then one atomic write deleting them all
    assertEquals(capability.sql() ? 1 : 3, log.size(), log::toString);
    assertEquals(capability.sql() ? 0 : 1, log.count(Operation.Atomic.class), log::toString);
    assertEquals(List.of("art"), ManyToManyScenarios.titles(await(d.ann().courses()
        .collect(db))));
    assertEquals(List.of("bob"), await(d.art().students().collect(db)).stream()
        .filter(s -> s.name().equals("bob")).map(Student::name).toList());
    assertEquals(2L, await(Enrollments.all().count(db)));
    assertEquals(3L, await(Courses.all().count(db)));
    assertEquals(0L, await(d.gym().students().remove(db, List.of())));
  }

  @BackendTest
  public void nestedCreateGoesThroughTheJoinModel(Db db) {
    Student cy = await(Students.create().name("cy")
        .courses(Courses.create().title("bio"), Courses.create().title("chem")).exec(db));
    assertEquals(List.of("bio", "chem"), ManyToManyScenarios.titles(sortedBy(
        await(cy.courses().collect(db)), Course::title)));
    assertEquals(2L, await(Enrollments.all().count(db)));
    Student loaded = await(Students.filterById(cy.id()).include(Students.COURSES).get(db));
    assertEquals(2, loaded.courses().get().size());
  }

  @BackendTest
  public void failedNestedCreateThroughTheJoinModelStoresNothing(Db db, OperationLog log) {
    // the last write: the join records (SQL, in the transaction), or the one atomic request
    DriverException boom = new DriverException("tck", null, "injected", null);
    log.failNext(op -> op instanceof Operation.Atomic || op instanceof Operation.Insert i
        && i.statement().target() instanceof Source.Table t && t.table().endsWith(db.tableOf(Enrollments.MODEL)),
        boom);
    failure(DriverException.class, () -> Students.create().name("cy")
        .courses(Courses.create().title("bio"), Courses.create().title("chem")).exec(db));
    assertEquals(0L, await(Students.all().count(db)));
    assertEquals(0L, await(Courses.all().count(db)));
    assertEquals(0L, await(Enrollments.all().count(db)));
  }

  @BackendTest
  public void writeErrorsAreSignalsNotThrows(Db db) {
    ManyToManyScenarios.Data d = ManyToManyScenarios.data(db);
    Course unsaved = new Course(null, "draft", HasMany.detached(), HasMany.detached());
    Mono<Long> link = d.ann().courses().insert(db, d.gym(), unsaved);
    InvalidStatementException e = failure(InvalidStatementException.class, () -> link);
    assertTrue(e.getMessage().contains("Course") && e.getMessage().contains("id"),
        e.getMessage());
    Mono<Long> unlink = d.ann().courses().remove(db, unsaved);
    failure(InvalidStatementException.class, () -> unlink);
    Mono<Long> detached = HasMany.<Course>detached().insert(db, d.gym());
    failure(IllegalStateException.class, () -> detached);
    assertEquals(3L, await(Enrollments.all().count(db)));
  }
}
