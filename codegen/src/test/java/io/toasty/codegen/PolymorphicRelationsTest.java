package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.HasOne;
import io.toasty.codegen.samples.Crew;
import io.toasty.codegen.samples.Crews;
import io.toasty.codegen.samples.Days;
import io.toasty.codegen.samples.Nights;
import io.toasty.codegen.samples.Shift;
import io.toasty.codegen.samples.Shifts;
import io.toasty.schema.app.IndexSchema;
import io.toasty.schema.app.RelationSchema;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Relations to and from polymorphic models: the hierarchy's schema holds the union of its
 * variants' belongs-to relations on its own field numbers, a model relates to the hierarchy as
 * to any model, loaded rows read each variant's relation handles, and what is not supported is
 * a compile error naming the interface, the variant and the field.
 */
class PolymorphicRelationsTest {
  @Test
  void theHierarchyHoldsTheUnionOfItsVariantsRelations() {
    List<RelationSchema> relations = Shifts.MODEL.schema().relations();
    assertEquals(List.of("crew", "leads"), relations.stream().map(RelationSchema::name).toList());
    // crewId is field 2 of the hierarchy (Day: id, hours, crewId; Night adds leadsId, paid)
    assertEquals(List.of(2), relations.get(0).sourceFields());
    assertEquals(List.of(3), relations.get(1).sourceFields());
    assertEquals("Crew", relations.get(0).target());
    assertFalse(relations.get(0).nullable());
    assertTrue(relations.get(1).nullable());
    // a variant's path is the hierarchy's relation, typed by the variant
    assertEquals("Shift", Days.CREW.model());
    assertEquals(Shifts.CREW.index(), Days.CREW.index());
    assertEquals(Shifts.LEADS.index(), Nights.LEADS.index());
  }

  @Test
  void theVariantsIndexesAreTheTablesOnePerName() {
    List<IndexSchema> indexes = Shifts.MODEL.schema().indexes();
    assertEquals(List.of("shifts_crew_id_idx"), indexes.stream().map(IndexSchema::name).toList());
    assertEquals(List.of(2), indexes.get(0).fields());
  }

  @Test
  void aModelRelatesToTheHierarchyThroughTheVariantsBelongsTo() {
    RelationSchema shifts = Crews.MODEL.schema().relation("shifts");
    assertEquals("Shift", shifts.target());
    assertEquals("crew", shifts.pair());
    assertEquals(List.of(2), shifts.targetFields());
    RelationSchema lead = Crews.MODEL.schema().relation("lead");
    assertEquals(List.of(3), lead.targetFields());
    assertTrue(lead.nullable());
  }

  @Test
  void aRowWithRelationSlotsLoadsEachVariantsHandles() {
    Crew crew = new Crew(7, "night owls", HasMany.detached(),
        HasOne.detached(), HasMany.detached());
    Value crewRow = Crews.MODEL.values(crew);
    List<Value> fields = new ArrayList<>(Shifts.MODEL.values(
        new Shift.Night(1, 7, BelongsTo.detached(), Optional.empty(), BelongsTo.detached(), true))
        .fields());
    fields.add(new Value.ListValue(List.of(crewRow)));   // crew: loaded
    fields.add(Value.NULL);                             // leads: not loaded
    Shift.Night night = (Shift.Night) Shifts.MODEL.load(new Value.Record(fields));
    assertEquals("night owls", night.crew().get().name());
    assertEquals(7L, night.crewId());
    assertFalse(night.leads().isLoaded());
    assertTrue(night.paid());
    Shift day = Shifts.MODEL.load(Shifts.MODEL.values(
        new Shift.Day(2, 8, 7, BelongsTo.detached())));
    assertFalse(day.crew().isLoaded());
    assertEquals(8, ((Shift.Day) day).hours());
  }

  private static JavaFileObject source(String name, String... lines) {
    List<String> all = new ArrayList<>(List.of("import io.toasty.HasMany;",
        "import io.toasty.HasOne;", "import io.toasty.BelongsTo;"));
    all.addAll(List.of(lines));
    return Sources.source("com.example." + name, all.toArray(new String[0]));
  }

  @Test
  void aNestedCreateTakesAnyVariantsCreate() {
    Compilation c = Sources.compile(
        source("Team", "@Model public record Team(@Key long id, HasMany<Task> tasks) {}"),
        source("Task", "@Model sealed interface Task permits Task.A, Task.B {",
            "  @Model record A(@Key long id, long teamId, BelongsTo<Team> team) implements Task {}",
            "  @Model record B(@Key long id, long teamId, BelongsTo<Team> team, String s)"
                + " implements Task {}",
            "}"),
        source("Use", "class Use {",
            "  TeamCreate create() {",
            "    return Teams.create().id(1).tasks(",
            "        As.create(new Task.A(2, 0, BelongsTo.detached())),",
            "        Bs.create(new Task.B(3, 0, BelongsTo.detached(), \"s\")));",
            "  }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
  }

  /**
   * Compiling {@code lines} (in {@code com.example.User}) fails with exactly one error, containing
   * {@code message}, on the line containing {@code line}; the models without errors are written,
   * a hierarchy with the error is not.
   */
  private static void assertError(String message, String line, String... lines) {
    List<String> all = new ArrayList<>(List.of("import io.toasty.HasMany;",
        "import io.toasty.HasOne;", "import io.toasty.BelongsTo;"));
    all.addAll(List.of(lines));
    JavaFileObject source = Sources.source("com.example.User", all.toArray(new String[0]));
    RecordingProcessor processor = new RecordingProcessor();
    Compilation c = Sources.compile(List.of(processor), source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(c).hadErrorCount(1);
    if (message.startsWith("User:")) {
      // the hierarchy with the error is not written
      assertFalse(processor.written().contains("com.example.Users"), processor.written()::toString);
    }
  }

  @Test
  void aHasManyInAVariantIsAnError() {
    assertError("User: variant B: relation cs is a has-many; a variant of a polymorphic model"
            + " declares belongs-to relations only", "record B(",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model record A(@Key long id) implements User {}",
        "  @Model record B(@Key long id, HasMany<C> cs) implements User {}",
        "}",
        "@Model record C(@Key long id) {}");
  }

  @Test
  void aRelationToOneVariantTargetsTheHierarchyNarrowedToIt() {
    RelationSchema nights = Crews.MODEL.schema().relation("nights");
    assertEquals("Shift", nights.target());
    assertEquals(List.of(2), nights.targetFields());
    assertEquals(new RelationSchema.Variant(5, Value.of("night")), nights.variant());
    assertEquals(null, Crews.MODEL.schema().relation("shifts").variant());
    assertEquals("Shift", Crews.NIGHTS.target());
  }

  @Test
  void aLimitOnARelationToOneVariantIsAnError() {
    assertError("Team.bs: @AtMost does not apply to a relation to one variant of a polymorphic"
            + " model", "HasMany<User.B> bs",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model record A(@Key long id) implements User {}",
        "  @Model record B(@Key long id, long teamId, BelongsTo<Team> team) implements User {}",
        "}",
        "@Model record Team(@Key long id, @io.toasty.annotations.AtMost(2) HasMany<User.B> bs)"
            + " {}");
  }

  @Test
  void variantsDeclaringOneRelationDifferentlyIsAnError() {
    assertError("User: relation B.team differs from another variant's team (its target, key"
            + " fields or optionality)", "record B(",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model record A(@Key long id, long teamId, BelongsTo<Team> team) implements User {}",
        "  @Model record B(@Key long id, long teamId, BelongsTo<Club> team) implements User {}",
        "}",
        "@Model record Team(@Key long id) {}",
        "@Model record Club(@Key long id) {}");
  }

  @Test
  void aRelationNamedLikeAnotherVariantsFieldIsAnError() {
    assertError("User: relation B.team has the name of another variant's field team",
        "record B(",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model record A(@Key long id, String team) implements User {}",
        "  @Model record B(@Key long id, long teamId, BelongsTo<Team> team) implements User {}",
        "}",
        "@Model record Team(@Key long id) {}");
  }

  @Test
  void aHasManyToTheHierarchyWithoutAVariantsBelongsToIsAnError() {
    assertError("Team.users: User has no @BelongsTo relation to Team to pair with",
        "HasMany<User> users",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model record A(@Key long id) implements User {}",
        "  @Model record B(@Key long id) implements User {}",
        "}",
        "@Model record Team(@Key long id, HasMany<User> users) {}");
  }
}
