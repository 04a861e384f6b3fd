package io.toasty.tck.scenarios;

import static io.toasty.tck.Tck.await;
import static io.toasty.tck.scenarios.Fixtures.sortedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.toasty.driver.Capability;
import io.toasty.reactive.Db;
import io.toasty.tck.BackendTest;
import io.toasty.tck.Models;
import io.toasty.tck.Need;
import io.toasty.tck.OperationLog;
import io.toasty.tck.Requires;
import io.toasty.tck.models.Course;
import io.toasty.tck.models.Courses;
import io.toasty.tck.models.Enrollments;
import io.toasty.tck.models.Student;
import io.toasty.tck.models.Students;
import java.util.List;

/** Many-to-many through a join model: students and courses through enrollments. */
@Models({Students.class, Courses.class, Enrollments.class})
public abstract class ManyToManyScenarios {

  record Data(Student ann, Student bob, Course math, Course art, Course gym) {}

  static Data data(Db db) {
    Student ann = await(Students.create().name("ann").exec(db));
    Student bob = await(Students.create().name("bob").exec(db));
    Course math = await(Courses.create().title("math").exec(db));
    Course art = await(Courses.create().title("art").exec(db));
    Course gym = await(Courses.create().title("gym").exec(db));
    await(Enrollments.create().student(ann).course(math).exec(db));
    await(Enrollments.create().student(ann).course(art).exec(db));
    await(Enrollments.create().student(bob).course(art).exec(db));
    return new Data(ann, bob, math, art, gym);
  }

  @BackendTest
  public void scopedQueriesGoThroughTheJoinModel(Db db) {
    Data d = data(db);
    assertEquals(List.of("art", "math"), titles(sortedBy(await(d.ann().courses()
        .collect(db)), Course::title)));
    assertEquals(List.of("ann", "bob"), sortedBy(await(d.art().students()
        .collect(db)), Student::name).stream().map(Student::name).toList());
    assertEquals(List.of(), await(d.gym().students().collect(db)));
  }

  @BackendTest
  public void includeLoadsBothSides(Db db, OperationLog log, Capability capability) {
    Data d = data(db);
    log.clear();
    List<Student> students = sortedBy(await(Students.all()
        .include(Students.COURSES).collect(db)), Student::name);
    // students, then (SQL) the window's courses joined to their enrollments, or (key-value)
    // the window's enrollments, then their courses by key
    assertEquals(capability.sql() ? 2 : 3, log.size(), log.toString());
    assertEquals(List.of("math", "art"), titles(students.get(0).courses().get()));
    assertEquals(List.of("art"), titles(students.get(1).courses().get()));
    List<Course> courses = sortedBy(await(Courses.all()
        .include(Courses.STUDENTS).collect(db)), Course::title);
    assertEquals(List.of(2, 0, 1), courses.stream().map(c -> c.students().get().size()).toList());
  }

  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void relationFiltersGoThroughTheJoinModel(Db db) {
    Data d = data(db);
    assertEquals(List.of("bob"), await(Students.filter(Students.COURSES.none(
        Courses.TITLE.eq("math"))).collect(db)).stream().map(Student::name).toList());
    assertEquals(List.of("art", "math"),
        titles(sortedBy(await(Courses.filter(Courses.STUDENTS.any())
        .collect(db)), Course::title)));
  }

  /** A count through the join model counts its rows: one per related pair. */
  @BackendTest
  @Requires(Need.SUBQUERIES)
  public void relationCountsGoThroughTheJoinModel(Db db) {
    data(db); // ann: math, art; bob: art; art: ann, bob; math: ann; gym: nobody
    assertEquals(List.of("ann"), names(await(Students.filter(Students.COURSES.count().ge(2))
        .collect(db))));
    assertEquals(List.of("art"), titles(await(Courses.filter(Courses.STUDENTS.count().gt(1))
        .collect(db))));
    assertEquals(List.of("gym", "math"), titles(sortedBy(await(Courses.filter(Courses.STUDENTS
        .count().lt(2)).collect(db)), Course::title)));
    assertEquals(List.of("bob"), names(await(Students.filter(Students.COURSES.count(
        Courses.TITLE.ne("gym")).eq(1)).collect(db))));
  }

  private static List<String> names(List<Student> students) {
    return students.stream().map(Student::name).toList();
  }

  @BackendTest
  @Requires(Need.CASCADING_DELETE)
  public void deletingAStudentDeletesItsEnrollments(Db db) {
    Data d = data(db);
    assertEquals(1L, await(Students.delete(d.ann()).exec(db)));
    assertEquals(1L, await(Enrollments.all().stream(db).count()));
    assertEquals(3L, await(Courses.all().stream(db).count()));
  }

  static List<String> titles(List<Course> courses) {
    return courses.stream().map(Course::title).toList();
  }
}
