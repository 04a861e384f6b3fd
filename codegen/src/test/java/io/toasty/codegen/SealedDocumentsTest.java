package io.toasty.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import io.toasty.SealedJsonPath;
import io.toasty.codegen.samples.Ledger;
import io.toasty.codegen.samples.Ledgers;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.JsonFieldException;
import io.toasty.error.UnknownVariantException;
import io.toasty.schema.app.FieldSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.value.JsonCodec;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code @Json} on a sealed interface of records: one JSON column, a document tagged with the
 * variant's discriminator (not its class name), read back as the right variant, filters on the
 * variant through the document's {@code type} member, and every misuse a compile error naming
 * model and field.
 */
class SealedDocumentsTest {
  /** Jackson as the engine's default codec uses it. */
  private static final JsonCodec CODEC = new JsonCodec() {
    private final ObjectMapper mapper =
        new ObjectMapper();

    @Override public String write(Object value, java.lang.reflect.Type type) throws Exception {
      return mapper.writerFor(mapper.getTypeFactory().constructType(type))
          .writeValueAsString(value);
    }

    @Override public Object read(String text, java.lang.reflect.Type type) throws Exception {
      return mapper.readValue(text, mapper.getTypeFactory().constructType(type));
    }
  };
  private static final Ledger FROZEN = new Ledger(1, new Ledger.Frozen("audit \"q\" ✓",
      List.of("a", ""), Long.MIN_VALUE), Optional.of(new Ledger.High("top")));

  @Test
  void eachSealedDocumentIsOneJsonColumn() {
    List<FieldSchema> fields = Ledgers.MODEL.schema().fields();
    assertEquals(List.of("id", "state", "grade_doc"),
        fields.stream().map(FieldSchema::columnName).toList());
    assertEquals(List.of(Type.Scalar.I64, Type.Scalar.JSON, Type.Scalar.JSON),
        fields.stream().map(FieldSchema::type).toList());
    assertEquals(List.of(false, false, true),
        fields.stream().map(FieldSchema::nullable).toList());
    assertEquals(SealedJsonPath.class, Ledgers.STATE.getClass().getSuperclass());
    assertEquals(Ledger.State.class, Ledgers.STATE.javaType());
  }

  @Test
  void theDocumentIsTheVariantTaggedWithItsDiscriminator() throws Exception {
    Value.Record values = Ledgers.MODEL.values(FROZEN);
    Value.Json state = ((Value.Json) values.get(1)).written(CODEC);
    assertEquals("{\"type\":\"frozen\",\"reason\":\"audit \\\"q\\\" ✓\",\"notes\":[\"a\",\"\"],"
        + "\"since\":" + Long.MIN_VALUE + "}", state.text());
    Value.Json grade = ((Value.Json) values.get(2)).written(CODEC);
    assertEquals("{\"type\":-7,\"label\":\"top\"}", grade.text());
    Value.Json open = ((Value.Json) Ledgers.MODEL.values(new Ledger(2, new Ledger.Open(),
        Optional.of(new Ledger.Low()))).get(1)).written(CODEC);
    assertEquals("{\"type\":\"Open\"}", open.text());
    assertTrue(Ledgers.MODEL.values(new Ledger(3, new Ledger.Open(), Optional.empty())).get(2)
        .isNull());
  }

  @Test
  void storedDocumentsReadBackAsTheirVariantWhateverTheMemberOrder() {
    assertEquals(FROZEN, Ledgers.MODEL.load(Ledgers.MODEL.values(FROZEN)));
    Value.Record stored = Value.Record.of(new Value.I64(1),
        stored("{\"since\": -1, \"notes\": [], \"type\": \"frozen\", \"reason\": \"x\"}"),
        stored("{ \"label\" : \"t\" , \"type\" : -7.0 }"));
    assertEquals(new Ledger(1, new Ledger.Frozen("x", List.of(), -1),
        Optional.of(new Ledger.High("t"))), Ledgers.MODEL.load(stored));
    Value.Record open = Value.Record.of(new Value.I64(2), stored("{\"type\":\"Open\"}"),
        Value.NULL);
    assertEquals(new Ledger(2, new Ledger.Open(), Optional.empty()), Ledgers.MODEL.load(open));
  }

  @Test
  void anUnknownDiscriminatorIsATypedErrorNamingModelAndField() {
    Value.Record stored = Value.Record.of(new Value.I64(1), stored("{\"type\":\"Frozen\"}"),
        Value.NULL);
    UnknownVariantException e = assertThrows(UnknownVariantException.class,
        () -> Ledgers.MODEL.load(stored));
    assertEquals(Optional.of("Ledger"), e.model());
    assertEquals(Optional.of("state"), e.field());
    assertEquals("Frozen", e.value()); // the class name is not the discriminator
    assertEquals(List.of("Open", "frozen"), e.known());
    JsonFieldException untagged = assertThrows(JsonFieldException.class,
        () -> Ledgers.MODEL.load(Value.Record.of(new Value.I64(1), stored("{\"reason\":\"x\"}"),
            Value.NULL)));
    assertEquals(Optional.of("state"), untagged.field());
    JsonFieldException wrong = assertThrows(JsonFieldException.class,
        () -> Ledgers.MODEL.load(Value.Record.of(new Value.I64(1),
            stored("{\"type\":\"frozen\",\"since\":\"soon\"}"), Value.NULL)));
    assertTrue(wrong.getMessage().contains("Ledger$Frozen"), wrong.getMessage());
  }

  @Test
  void variantFiltersTestTheDiscriminatorMember() {
    ExprNode.Compare is = (ExprNode.Compare) Ledgers.STATE.is(Ledger.Frozen.class).node();
    assertEquals(new ExprNode.JsonText(Ledgers.STATE.node(), List.of("type")), is.left());
    assertEquals(new ExprNode.Const(Value.of("frozen")), is.right());
    ExprNode.Compare grade = (ExprNode.Compare) Ledgers.GRADE.is(Ledger.High.class).node();
    assertEquals(new ExprNode.Const(Value.of("-7")), grade.right());
    assertTrue(Ledgers.GRADE.isNot(Ledger.High.class).node() instanceof ExprNode.Or); // absent too
    assertTrue(Ledgers.STATE.isNot(Ledger.Open.class).node() instanceof ExprNode.Compare);
    Ledgers.create().id(1).state(new Ledger.Open()).grade(Optional.empty());
  }

  @Test
  void aClassThatIsNoVariantIsRefusedNamingTheField() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    SealedJsonPath<Object> raw = (SealedJsonPath) Ledgers.STATE;
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> raw.toValue(new Ledger.Low()));
    assertEquals(Optional.of("state"), e.field());
  }

  @Test
  void aModelWithSealedDocumentsCompilesWithoutWarnings() {
    Compilation clean = Sources.compile(Sources.user(
        "@Model",
        "public record User(",
        "    @Key long id,",
        "    @Json Shape shape,",
        "    @Json Optional<Shape> other) {",
        "  public sealed interface Shape permits Circle, Dot {}",
        "  @io.toasty.annotations.Discriminator(\"circle\")",
        "  public record Circle(double radius, List<Integer> marks) implements Shape {}",
        "  public record Dot() implements Shape {}",
        "}"));
    assertThat(clean).succeededWithoutWarnings();
  }

  @Test
  void aVariantThatIsNoRecord() {
    assertError("User.shape: variant Dot of Shape is a class, not a record", "Shape shape",
        "@Key long id,", "@Json Shape shape) {}", "sealed interface Shape permits Dot {}",
        "final class Dot implements Shape {}");
  }

  @Test
  void twoVariantsWithOneDiscriminator() {
    assertError("User.shape: variants Circle and Dot of Shape share the discriminator \"c\"",
        "Shape shape", "@Key long id,", "@Json Shape shape) {}",
        "sealed interface Shape permits Circle, Dot {}",
        "@io.toasty.annotations.Discriminator(\"c\") record Circle() implements Shape {}",
        "@io.toasty.annotations.Discriminator(\"c\") record Dot() implements Shape {}");
  }

  @Test
  void mixedDiscriminators() {
    assertError("User.shape: variant Dot of Shape needs @Discriminator(number = ..)",
        "Shape shape", "@Key long id,", "@Json Shape shape) {}",
        "sealed interface Shape permits Circle, Dot {}",
        "@io.toasty.annotations.Discriminator(number = 1) record Circle() implements Shape {}",
        "record Dot() implements Shape {}");
  }

  @Test
  void aVariantFieldNamedLikeTheDiscriminatorsMember() {
    assertError("User.shape: variant Circle has a field named \"type\"", "Shape shape",
        "@Key long id,", "@Json Shape shape) {}", "sealed interface Shape permits Circle {}",
        "record Circle(String type) implements Shape {}");
  }

  @Test
  void aVariantTheCodecCannotReadBack() {
    assertError("User.shape: variant Circle: Circle.extra: java.lang.Object says nothing",
        "Shape shape", "@Key long id,", "@Json Shape shape) {}",
        "sealed interface Shape permits Circle {}",
        "record Circle(Object extra) implements Shape {}");
  }

  @Test
  void aKeySealedDocument() {
    assertError("User.shape: @Key does not apply to a @Json field", "@Key @Json",
        "@Key long id,", "@Key @Json Shape shape) {}", "sealed interface Shape permits Dot {}",
        "record Dot() implements Shape {}");
  }

  @Test
  void aGenericSealedInterface() {
    assertError("User.shape: sealed interface Shape cannot have type parameters",
        "Shape<String> shape", "@Key long id,", "@Json Shape<String> shape) {}",
        "sealed interface Shape<T> permits Dot {}", "record Dot() implements Shape<String> {}");
  }

  private static Value.Json stored(String text) {
    return Value.Json.ofText(text).readableWith(CODEC);
  }

  /** A model {@code User} whose components are {@code components}: the error, on its line. */
  private static void assertError(String message, String line, String... components) {
    CompileErrors.assertUserError(message, line, components);
  }
}
