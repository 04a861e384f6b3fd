package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import io.toasty.codegen.samples.Companies;
import io.toasty.codegen.samples.Company;
import io.toasty.error.InvalidStatementException;
import io.toasty.schema.app.FieldSchema;
import io.toasty.value.Value;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Embedded records: flattened into plain fields of the schema (so planner and drivers see
 * columns), reassembled on load, and every misuse a compile error naming model and field.
 */
class EmbeddedRecordsTest {
  private static final Company.Office HQ = new Company.Office("HQ",
      new Company.Place("Oslo", Optional.of("0150")));

  @Test
  void fieldsAreFlattenedIntoColumnsDepthFirst() {
    List<FieldSchema> fields = Companies.MODEL.schema().fields();
    assertEquals(List.of("id", "name", "headquarters_name", "headquarters_location_town",
            "headquarters_location_zip", "branch_name", "branch_location_town",
            "branch_location_zip", "contact_email", "contact_phone"),
        fields.stream().map(FieldSchema::columnName).toList());
    assertEquals("headquarters.location.city", fields.get(3).name());
    // Inside an Optional embedded record every column is nullable; elsewhere as declared.
    assertEquals(List.of(false, false, false, false, true, true, true, true, true, true),
        fields.stream().map(FieldSchema::nullable).toList());
  }

  @Test
  void pathsReachInside() {
    assertEquals(3, Companies.HEADQUARTERS.LOCATION.CITY.index());
    assertEquals("Company.headquarters.location.city",
        Companies.HEADQUARTERS.LOCATION.CITY.toString());
    assertEquals(null, Companies.HEADQUARTERS.NAME.wholeOnly());
    assertEquals("branchOffice", Companies.BRANCH_OFFICE.LOCATION.CITY.wholeOnly());
  }

  @Test
  void valuesAndLoadRoundTrip() {
    Company present = new Company(1, "Acme", HQ, Optional.of(HQ),
        new Company.Contact(Optional.empty(), Optional.of("+47")));
    Company absent = new Company(2, "Acme", HQ, Optional.empty(),
        new Company.Contact(Optional.empty(), Optional.empty()));
    for (Company c : List.of(present, absent)) {
      Value.Record values = Companies.MODEL.values(c);
      assertEquals(10, values.size());
      assertEquals(c, Companies.MODEL.load(values));
    }
    assertTrue(Companies.MODEL.values(absent).get(5).isNull());
  }

  @Test
  void aRequiredInnerFieldReadAsNullFailsNamingIt() {
    Value.Record values = Companies.MODEL.values(new Company(1, "Acme", HQ, Optional.of(HQ),
        new Company.Contact(Optional.empty(), Optional.empty())));
    Value[] broken = new Value[values.size()];
    for (int i = 0; i < broken.length; i++) {
      broken[i] = i == 6 ? Value.NULL : values.get(i);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Companies.MODEL.load(Value.Record.of(broken)));
    assertTrue(e.getMessage().startsWith("Company.branchOffice.location.city"), e.getMessage());
  }

  @Test
  void buildersRefuseNullsAndHalfSetOptionalValues() {
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> Companies.create().branchOffice(new Company.Office(null, HQ.location())));
    assertTrue(e.getMessage().contains("branchOffice.name"), e.getMessage());
    assertThrows(InvalidStatementException.class, () -> Companies.create().headquarters(null));
    e = assertThrows(InvalidStatementException.class,
        () -> Companies.create().set(Companies.BRANCH_OFFICE.NAME, "x"));
    assertTrue(e.getMessage().contains("branchOffice"), e.getMessage());
    Companies.create().set(Companies.HEADQUARTERS.LOCATION.CITY, "Oslo");
    Companies.create().branchOffice((Company.Office) null).branchOffice(Optional.of(HQ));
  }

  @Test
  void anEmbeddedCycle() {
    assertError("User.home.parent: embedded record Place contains itself (an embedded cycle)",
        "Place home",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Place home) {}",
        "@Embeddable record Place(String name, Optional<Place> parent) {}");
  }

  @Test
  void anEmbeddedTypeThatIsNoRecord() {
    assertError("User.home: an embedded field needs a record type (or an Optional of one), not"
            + " java.lang.String", "@Embedded String home",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Embedded String home) {}");
  }

  @Test
  void anUnsupportedInnerType() {
    assertError("User.home.tags: unsupported field type java.util.List<java.lang.String>",
        "Place home",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Place home) {}",
        "@Embeddable record Place(String name, List<String> tags) {}");
  }

  @Test
  void aRecordNeitherEmbeddedNorEmbeddableGetsAHint() {
    assertError("annotate the field @Embedded or the record @Embeddable", "Place home",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Place home) {}",
        "record Place(String name) {}");
  }

  @Test
  void anOptionalEmbeddedRecordWithOnlyOptionalFields() {
    assertError("User.home: an Optional embedded record is absent exactly when all its columns"
            + " are NULL, so Place needs a field that is not Optional", "Optional<Place> home",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Optional<Place> home) {}",
        "@Embeddable record Place(Optional<String> name, Optional<Inner> inner) {}",
        "@Embeddable record Inner(int x) {}");
  }

  @Test
  void anOptionalEmbeddedKey() {
    assertError("User.home: an Optional embedded record cannot be (part of) the key",
        "@Key Optional<Place> home",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Key Optional<Place> home) {}",
        "@Embeddable record Place(String name) {}");
  }

  @Test
  void anOptionalFieldOfAnEmbeddedKey() {
    assertError("User.home.zip: a field of an embedded key record is Optional",
        "@Key Place home",
        "@Model",
        "public record User(",
        "    @Key Place home) {}",
        "@Embeddable record Place(String name, Optional<String> zip) {}");
  }

  @Test
  void anOptionalRecordInsideAnEmbeddedKey() {
    assertError("User.home.inner: an Optional embedded record cannot be (part of) the key",
        "@Key Place home",
        "@Model",
        "public record User(",
        "    @Key Place home) {}",
        "@Embeddable record Place(String name, Optional<Inner> inner) {}",
        "@Embeddable record Inner(String x) {}");
  }

  @Test
  void aSensitiveFieldInsideAnEmbeddedKey() {
    assertError("User.home.code: a field of an embedded key record is a Secret",
        "@Key Place home",
        "@Model",
        "public record User(",
        "    @Key Place home) {}",
        "@Embeddable record Place(String name, io.toasty.Secret<String> code) {}");
  }

  @Test
  void aRelationToAnEmbeddedKey() {
    JavaFileObject source = Sources.user(
        "@Model",
        "public record User(",
        "    @Key Place home) {}",
        "@Embeddable record Place(String name) {}",
        "@Model record Note(@Key long id, String userId, io.toasty.BelongsTo<User> user) {}");
    Compilation compilation = Sources.compile(
        List.of(new RecordingProcessor()), source);
    CompilationSubject.assertThat(compilation).hadErrorContaining(
        "Note.user: User.home is an embedded record; a relation cannot reference one yet")
        .inFile(source).onLineContaining("BelongsTo<User> user");
  }

  @Test
  void aKeyInsideAnEmbeddedRecord() {
    assertError("User.home.name: @Key does not apply to a field inside an embedded record",
        "Place home",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Place home) {}",
        "@Embeddable record Place(@Key String name) {}");
  }

  @Test
  void anIndexOnAnEmbeddedField() {
    assertError("User.home: @Index does not apply to an embedded record field", "@Index Place",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Index Place home) {}",
        "@Embeddable record Place(String name) {}");
  }

  @Test
  void aRelationInsideAnEmbeddedRecord() {
    assertError("User.home.owner: an embedded record cannot hold a relation", "Place home",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Place home) {}",
        "@Embeddable record Place(String name, io.toasty.BelongsTo<User> owner) {}");
  }

  @Test
  void anInnerColumnClashingWithAModelColumn() {
    assertError("User.home.city: column \"home_city\" is already the column of field homeCity",
        "Place home",
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    String homeCity,",
        "    Place home) {}",
        "@Embeddable record Place(String city) {}");
  }

  private static void assertError(String message, String line, String... lines) {
    CompileErrors.assertOneError(message, line, lines);
  }
}
