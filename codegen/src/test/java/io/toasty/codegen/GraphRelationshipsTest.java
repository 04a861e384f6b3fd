package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Relationship}: the schema carries the declared type and direction
 * ({@code RelationSchema.GraphEdge}) of a relation or of a join model; a relation without it
 * generates as before; a type that is no identifier, or the annotation where no relationship is
 * stored, is a compile error at the annotation naming the model and field.
 */
class GraphRelationshipsTest {

  private static JavaFileObject model(String name, String... lines) {
    List<String> all = new ArrayList<>(List.of("import io.toasty.HasMany;",
        "import io.toasty.BelongsTo;"));
    all.addAll(List.of(lines));
    return Sources.source("com.example." + name, all.toArray(new String[0]));
  }

  private static JavaFileObject company(String staff) {
    return model("Company", "@Model public record Company(@Key @Auto long id,",
        "    " + staff + " HasMany<Employee> staff) {}");
  }

  private static JavaFileObject employee(String annotation) {
    return model("Employee", "@Model public record Employee(@Key @Auto long id, long companyId,",
        "    " + annotation + " BelongsTo<Company> company) {}");
  }

  @Test
  void typeAndDirectionAreInTheSchema() {
    Compilation c = Sources.compile(company(""), employee(
        "@Relationship(type = \"WORKS_AT\", direction = EdgeDirection.INCOMING)"));
    assertThat(c).succeededWithoutWarnings();
    String employees = Sources.generated(c, "com.example.Employees");
    assertTrue(employees.contains("RelationSchema.Integrity.ENFORCED, "
        + "new RelationSchema.GraphEdge(\"WORKS_AT\", true, false))"), employees);
  }

  @Test
  void onTheHasManySide() {
    Compilation c = Sources.compile(company("@Relationship(type = \"EMPLOYS\")"), employee(""));
    assertThat(c).succeededWithoutWarnings();
    String companies = Sources.generated(c, "com.example.Companies");
    assertTrue(companies.contains("new RelationSchema.GraphEdge(\"EMPLOYS\", false, false))"),
        companies);
  }

  @Test
  void aRelationWithoutItGeneratesAsBefore() {
    Compilation c = Sources.compile(company(""), employee(""));
    assertThat(c).succeededWithoutWarnings();
    assertFalse(Sources.generated(c, "com.example.Employees").contains("GraphEdge"));
  }

  @Test
  void anInvalidTypeIsAnError() {
    JavaFileObject employee = employee("@Relationship(type = \"WORKS AT\")");
    Compilation c = Sources.compile(company(""), employee);
    assertThat(c).hadErrorContaining("Employee.company: @Relationship(type = \"WORKS AT\") is no "
        + "relationship type").inFile(employee).onLineContaining("WORKS AT");
  }

  @Test
  void aTypeStartingWithADigitIsAnError() {
    JavaFileObject employee = employee("@Relationship(type = \"1ST\")");
    assertThat(Sources.compile(company(""), employee)).hadErrorContaining(
        "Employee.company: @Relationship(type = \"1ST\") is no relationship type")
        .inFile(employee).onLineContaining("1ST");
  }

  @Test
  void onADataFieldItIsAnError() {
    JavaFileObject employee = model("Employee", "@Model public record Employee(@Key @Auto long id,",
        "    @Relationship(type = \"NAMED\") String name, long companyId,",
        "    BelongsTo<Company> company) {}");
    assertThat(Sources.compile(company(""), employee)).hadErrorContaining(
        "Employee.name: @Relationship applies to a relation field (BelongsTo, HasMany, HasOne) "
            + "or a join model, and this one is a data field").inFile(employee)
        .onLineContaining("NAMED");
  }

  @Test
  void aDirectionOnAnUncheckedKeyIsAnError() {
    JavaFileObject employee = employee(
        "@BelongsTo.Unchecked @Relationship(direction = EdgeDirection.INCOMING)");
    assertThat(Sources.compile(company(""), employee)).hadErrorContaining(
        "Employee.company: @Relationship means nothing here: an unchecked key stays a property")
        .inFile(employee).onLineContaining("INCOMING");
  }

  @Test
  void bothSidesDeclaredIsAnError() {
    JavaFileObject company = company("@Relationship(type = \"EMPLOYS\")");
    assertThat(Sources.compile(company, employee("@Relationship(type = \"WORKS_AT\")")))
        .hadErrorContaining("Company.staff: @Relationship means nothing here: its pair "
            + "Employee.company declares the same relationship; declare it on one side")
        .inFile(company).onLineContaining("EMPLOYS");
  }

  @Test
  void onAViaItIsAnError() {
    JavaFileObject student = model("Student", "@Model public record Student(@Key @Auto long id,",
        "    HasMany<Enrollment> enrollments,",
        "    @Relationship(type = \"TAKES\") @HasMany.Via(\"enrollments.course\") "
            + "HasMany<Course> courses) {}");
    JavaFileObject course = model("Course", "@Model public record Course(@Key @Auto long id,",
        "    HasMany<Enrollment> enrollments) {}");
    assertThat(Sources.compile(student, course, enrollment("")))
        .hadErrorContaining("Student.courses: @Relationship means nothing here: a via relation "
            + "follows other relations").inFile(student).onLineContaining("TAKES");
  }

  private static JavaFileObject enrollment(String annotation) {
    return model("Enrollment", annotation,
        "@Model public record Enrollment(@Key @Auto long id, long studentId,",
        "    BelongsTo<Student> student, long courseId, BelongsTo<Course> course,",
        "    int grade) {}");
  }

  @Test
  void aJoinModelDeclaredAsARelationship() {
    JavaFileObject student = model("Student", "@Model public record Student(@Key @Auto long id,",
        "    HasMany<Enrollment> enrollments) {}");
    JavaFileObject course = model("Course", "@Model public record Course(@Key @Auto long id,",
        "    HasMany<Enrollment> enrollments) {}");
    Compilation c = Sources.compile(student, course,
        enrollment("@Relationship(direction = EdgeDirection.INCOMING)"));
    assertThat(c).succeededWithoutWarnings();
    String enrollments = Sources.generated(c, "com.example.Enrollments");
    assertTrue(enrollments.contains("new RelationSchema.GraphEdge(\"\", true, true))"),
        enrollments);
  }

  @Test
  void aJoinModelWithAnOptionalEndIsAnError() {
    JavaFileObject review = model("Review",
        "@Relationship(type = \"REVIEWED\")",
        "@Model public record Review(@Key @Auto long id, long companyId,",
        "    BelongsTo<Company> company, Optional<Long> employeeId,",
        "    BelongsTo<Optional<Employee>> employee) {}");
    assertThat(Sources.compile(company(""), employee(""), review)).hadErrorContaining(
        "Review: @Relationship on a model stores each record as one relationship, which needs "
            + "exactly two required, checked BelongsTo").inFile(review)
        .onLineContaining("REVIEWED");
  }

  @Test
  void onAnEndOfADeclaredJoinModelItIsAnError() {
    JavaFileObject student = model("Student", "@Model public record Student(@Key @Auto long id,",
        "    HasMany<Enrollment> enrollments) {}");
    JavaFileObject course = model("Course", "@Model public record Course(@Key @Auto long id,",
        "    HasMany<Enrollment> enrollments) {}");
    JavaFileObject enrollment = model("Enrollment", "@Relationship",
        "@Model public record Enrollment(@Key @Auto long id, long studentId,",
        "    @Relationship(type = \"ENDS\") BelongsTo<Student> student, long courseId,",
        "    BelongsTo<Course> course) {}");
    assertThat(Sources.compile(student, course, enrollment)).hadErrorContaining(
        "Enrollment.student: @Relationship means nothing here: the model is declared as one "
            + "relationship").inFile(enrollment).onLineContaining("ENDS");
  }
}
