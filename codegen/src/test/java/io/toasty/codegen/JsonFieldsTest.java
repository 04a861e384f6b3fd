package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.toasty.codegen.samples.Setup;
import io.toasty.codegen.samples.Setups;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.JsonFieldException;
import io.toasty.schema.app.FieldSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Json} fields: one JSON column each, a path that knows the field's generic type, values
 * that carry the object until the engine writes it, and every misuse a compile error naming model
 * and field.
 */
class JsonFieldsTest {
  private static final Setup PREFS = new Setup(1, new Setup.Theme("dark", 12),
      Map.of("save", List.of(17, 83)), Optional.of(List.of("a")));

  @Test
  void eachDocumentIsOneJsonColumn() {
    List<FieldSchema> fields = Setups.MODEL.schema().fields();
    assertEquals(List.of("id", "theme", "shortcuts", "labels"),
        fields.stream().map(FieldSchema::columnName).toList());
    assertEquals(List.of(Type.Scalar.I64, Type.Scalar.JSON, Type.Scalar.JSON, Type.Scalar.JSON),
        fields.stream().map(FieldSchema::type).toList());
    assertEquals(List.of(false, false, false, true),
        fields.stream().map(FieldSchema::nullable).toList());
  }

  @Test
  void aPathKnowsItsFieldsGenericType() {
    assertEquals(Setup.Theme.class, Setups.THEME.javaType());
    ParameterizedType shortcuts = (ParameterizedType) Setups.SHORTCUTS.javaType();
    assertEquals(Map.class, shortcuts.getRawType());
    assertEquals("java.util.List<java.lang.Integer>",
        shortcuts.getActualTypeArguments()[1].getTypeName());
    assertEquals("java.util.List<java.lang.String>", Setups.TAGS.javaType().getTypeName());
  }

  @Test
  void valuesCarryTheObjectsAndLoadReadsThemBack() {
    Value.Record values = Setups.MODEL.values(PREFS);
    Value.Json theme = (Value.Json) values.get(1);
    assertTrue(theme.unwritten());
    assertEquals(PREFS.theme(), theme.object());
    assertEquals(PREFS, Setups.MODEL.load(values));
    Setup none = new Setup(2, PREFS.theme(), Map.of(), Optional.empty());
    assertTrue(Setups.MODEL.values(none).get(3).isNull());
    assertEquals(none, Setups.MODEL.load(Setups.MODEL.values(none)));
  }

  @Test
  void aDocumentThatDoesNotReadFailsNamingModelAndField() {
    Value.Record values = Value.Record.of(new Value.I64(1), Value.Json.ofText("{}"),
        Value.Json.ofText("{}"), Value.NULL);
    JsonFieldException e = assertThrows(JsonFieldException.class,
        () -> Setups.MODEL.load(values)); // no codec attached: the engine attaches one
    assertEquals(Optional.of("Setup"), e.model());
    assertEquals(Optional.of("theme"), e.field());
  }

  @Test
  void buildersMakeDocumentsAndPathsMakeJsonText() {
    Setups.create().id(1).theme(PREFS.theme()).shortcuts(Map.of()).tags(List.of("x"));
    ExprNode.JsonText text = (ExprNode.JsonText) Setups.THEME.text("name").node();
    assertEquals(List.of("name"), text.path());
    assertThrows(InvalidStatementException.class, () -> Setups.THEME.text());
    assertThrows(InvalidStatementException.class, () -> Setups.THEME.text("a", ""));
  }

  @Test
  void aJsonModelCompilesWithoutWarnings() {
    Compilation compilation = Sources.compile(Sources.user(
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Json Map<String, List<Optional<Integer>>> bad,",
        "    @Json Set<String> ok) {}"));
    assertThat(compilation).hadErrorContaining("User.bad: an Optional inside a JSON document");
    Compilation clean = Sources.compile(Sources.user(
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Json Map<String, List<Integer>> grid,",
        "    @Json Optional<Set<String>> tags,",
        "    @Json byte[] raw,",
        "    @Json com.fasterxml.jackson.databind.JsonNode tree,",
        "    @Json Shape shape,",
        "    @Json Plain plain,",
        "    @Json Node node,",
        "    @Json Box<Map<String, Long>> box,",
        "    @Json Optional<Map<String, Object>> free) {",
        "  @com.fasterxml.jackson.annotation.JsonTypeInfo(",
        "      use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME)",
        "  @com.fasterxml.jackson.annotation.JsonSubTypes({",
        "      @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Circle.class)})",
        "  public sealed interface Shape permits Circle {}",
        "  public record Circle(double radius) implements Shape {}",
        "  @com.fasterxml.jackson.databind.annotation.JsonDeserialize(as = PlainImpl.class)",
        "  public interface Plain {}",
        "  public record PlainImpl(String name) implements Plain {}",
        "  public record Node(String name, List<Node> children, Shape shape) {}",
        "  public record Box<T>(T item, List<T> more) {}",
        "}"));
    assertThat(clean).succeededWithoutWarnings();
  }

  @Test
  void aWildcard() {
    assertError("User.tags: a @Json field's type must be known whole at compile time, not ?",
        "List<?> tags", "@Key long id,", "@Json List<?> tags) {}");
  }

  @Test
  void aPrimitive() {
    assertError("User.count: a @Json field needs a reference type, not int", "int count",
        "@Key long id,", "@Json int count) {}");
  }

  @Test
  void aRawType() {
    assertError("User.tags: a raw java.util.List has no element type", "List tags",
        "@Key long id,", "@Json List tags) {}");
  }

  @Test
  void anOptionalInsideTheDocument() {
    assertError("User.tags: an Optional inside a JSON document has no JSON form",
        "Optional<String>> tags", "@Key long id,", "@Json List<Optional<String>> tags) {}");
  }

  @Test
  void aKeyDocument() {
    assertError("User.doc: @Key does not apply to a @Json field", "@Key @Json",
        "@Key long id,", "@Key @Json Map<String, String> doc) {}");
  }

  @Test
  void anIndexedDocument() {
    assertError("User.doc: @Index does not apply to a @Json field", "@Index @Json",
        "@Key long id,", "@Index @Json Map<String, String> doc) {}");
  }

  @Test
  void aDefaultOnADocument() {
    assertError("User.doc: @Default does not apply to a @Json field", "@Default(\"{}\")",
        "@Key long id,", "@Default(\"{}\") @Json Map<String, String> doc) {}");
  }

  @Test
  void aRelationMarkedJson() {
    assertError("User.parent: @Json does not apply to a relation field", "BelongsTo<Optional",
        "@Key long id,", "Optional<Long> parentId,",
        "@BelongsTo.Key(\"parentId\") @Json io.toasty.BelongsTo<Optional<User>> parent) {}");
  }

  @Test
  void aDocumentInsideAnEmbeddedRecord() {
    JavaFileObject source = Sources.user(
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    Place home) {}",
        "@Embeddable record Place(String city, @Json Map<String, String> extra) {}");
    Compilation compilation = Sources.compile(List.of(new RecordingProcessor()), source);
    assertThat(compilation).hadErrorContaining(
        "User.home.extra: @Json does not apply to a field inside an embedded record");
  }

  @Test
  void anObject() {
    assertError("User.anything: java.lang.Object says nothing of what the document holds",
        "Object anything", "@Key long id,", "@Json Object anything) {}");
  }

  @Test
  void anObjectArray() {
    assertError("User.extra: java.lang.Object says nothing", "Object[] extra",
        "@Key long id,", "@Json Object[] extra) {}");
  }

  @Test
  void anInterfaceWithoutTypeInformation() {
    assertError("User.shape: the interface com.example.Shape has no way to pick its"
        + " implementation", "Shape shape", "@Key long id,", "@Json Shape shape) {}",
        "interface Shape {}", "record Circle(double radius) implements Shape {}");
  }

  @Test
  void aSealedInterfaceWithoutTypeInformation() {
    assertError("User.shapes: the interface com.example.Shape has no way", "List<Shape> shapes",
        "@Key long id,", "@Json List<Shape> shapes) {}",
        "sealed interface Shape permits Circle {}",
        "record Circle(double radius) implements Shape {}");
  }

  @Test
  void anAbstractClass() {
    assertError("User.shape: the abstract class com.example.Shape has no way", "Shape shape",
        "@Key long id,", "@Json Shape shape) {}", "abstract class Shape {}");
  }

  @Test
  void aNumber() {
    assertError("User.amount: the abstract class java.lang.Number has no way", "Number amount",
        "@Key long id,", "@Json Number amount) {}");
  }

  @Test
  void anInnerClass() {
    assertError("User.inner: the inner class com.example.Outer.Inner needs an instance",
        "Outer.Inner inner", "@Key long id,", "@Json Outer.Inner inner) {}",
        "class Outer { class Inner { public String name; } }");
  }

  @Test
  void anObjectInsideARecordOfTheDocument() {
    assertError("User.settings: Settings.theme: Theme.extra: java.lang.Object says nothing",
        "Settings settings", "@Key long id,", "@Json Settings settings) {}",
        "record Settings(String name, Theme theme, List<Object> free) {}",
        "record Theme(String color, Object extra) {}");
  }

  /** A model {@code User} whose components are {@code components}: the error, on its line. */
  private static void assertError(String message, String line, String... components) {
    CompileErrors.assertUserError(message, line, components);
  }
}
