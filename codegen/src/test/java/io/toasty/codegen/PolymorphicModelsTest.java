package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.codegen.samples.PingCreate;
import io.toasty.codegen.samples.Pings;
import io.toasty.codegen.samples.PongCreate;
import io.toasty.codegen.samples.Pongs;
import io.toasty.codegen.samples.Signal;
import io.toasty.codegen.samples.Signals;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.UnknownVariantException;
import io.toasty.schema.app.FieldSchema;
import io.toasty.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Polymorphic models: one schema holding the union of the variants' fields (by name) and a
 * discriminator, rows read into the variant their discriminator names, and every misuse a
 * compile error naming the model, the variant and the field.
 */
class PolymorphicModelsTest {
  @Test
  void oneTableOfTheUnionOfTheVariantsFieldsAndADiscriminator() {
    List<FieldSchema> fields = Signals.MODEL.schema().fields();
    assertEquals("signals", Signals.MODEL.schema().tableName());
    assertEquals(List.of("id", "at", "host", "latency", "peer", "discriminator"),
        fields.stream().map(FieldSchema::columnName).toList());
    // only the key and the discriminator are required: other variants lack the rest
    assertEquals(List.of(false, true, true, true, true, false),
        fields.stream().map(FieldSchema::nullable).toList());
    assertEquals(List.of(0), Signals.MODEL.schema().primaryKey());
    assertEquals(Signals.MODEL.schema(), Pings.VARIANT.schema());
  }

  @Test
  void valuesAndLoadRoundTripEveryVariant() {
    for (Signal s : List.of(new Signal.Ping(1, 10, Optional.of("h")),
        new Signal.Ping(2, -1, Optional.empty()), new Signal.Pong(3, 7, Long.MAX_VALUE, "Grüße"))) {
      assertEquals(s, Signals.MODEL.load(Signals.MODEL.values(s)));
    }
    Value.Record pong = Signals.MODEL.values(new Signal.Pong(3, 7, 8, "p"));
    assertEquals(Value.of("pong"), pong.get(5));
    assertTrue(pong.get(2).isNull());
    assertEquals("ping", Signals.discriminant(Signal.Ping.class));
  }

  @Test
  void aStoredDiscriminatorNoVariantDeclaresIsATypedError() {
    Value.Record row = Value.Record.of(Value.of(1L), Value.of(2L), Value.NULL, Value.NULL,
        Value.NULL, Value.of("pang"));
    UnknownVariantException e = assertThrows(UnknownVariantException.class,
        () -> Signals.MODEL.load(row));
    assertEquals("pang", e.value());
    assertTrue(e.getMessage().contains("ping, pong"), e.getMessage());
  }

  @Test
  void theHierarchysCreateIsTheCreateOfTheRecordsVariant() {
    Signal ping = new Signal.Ping(1, 10, Optional.of("h"));
    Signal pong = new Signal.Pong(3, 7, 8, "p");
    assertTrue(Signals.create(ping) instanceof PingCreate);
    assertTrue(Signals.create(pong) instanceof PongCreate);
    assertEquals(Pongs.create((Signal.Pong) pong).row(), Signals.create(pong).row());
    assertEquals(Pongs.VARIANT, Signals.create(pong).model());
  }

  @Test
  void aVariantsCreateRefusesNullInAFieldThatIsNotOptional() {
    InvalidStatementException e = assertThrows(InvalidStatementException.class,
        () -> Pongs.create(new Signal.Pong(1, 2, 3, null)));
    assertTrue(e.getMessage().contains("Pong") && e.getMessage().contains("peer"),
        e.getMessage());
  }

  @Test
  void variantsWhoseKeysDifferAreAnError() {
    CompileErrors.assertOneError("User: variant B's key [id java.lang.String] differs from A's"
            + " key [id long]", "record B(",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model record A(@Key long id, String name) implements User {}",
        "  @Model record B(@Key String id, String name) implements User {}",
        "}");
  }

  @Test
  void aFieldNameWithTwoTypesIsAnError() {
    CompileErrors.assertOneError("User: field B.name (long in column name) differs from A.name"
            + " (java.lang.String in column name)", "record B(",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model record A(@Key long id, String name) implements User {}",
        "  @Model record B(@Key long id, long name) implements User {}",
        "}");
  }

  @Test
  void aDiscriminatorClashIsAnError() {
    CompileErrors.assertOneError("User: variant B: discriminator \"x\" is already A's",
        "record B(",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model @Discriminator(\"x\") record A(@Key long id) implements User {}",
        "  @Model @Discriminator(\"x\") record B(@Key long id) implements User {}",
        "}");
  }

  @Test
  void aFieldNamedLikeTheDiscriminatorIsAnError() {
    CompileErrors.assertOneError("User: variant B: field discriminator clashes with the"
            + " discriminator column", "record B(",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model record A(@Key long id) implements User {}",
        "  @Model record B(@Key long id, String discriminator) implements User {}",
        "}");
  }

  @Test
  void numberAndStringDiscriminatorsMixedAreAnError() {
    CompileErrors.assertOneError("User: variant B needs @Discriminator(number = ..) alone",
        "record B(",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model @Discriminator(number = 1) record A(@Key long id) implements User {}",
        "  @Model @Discriminator(\"b\") record B(@Key long id) implements User {}",
        "}");
  }

  @Test
  void aPermittedTypeThatIsNoModelRecordIsAnError() {
    CompileErrors.assertOneError("User: permitted type com.example.User.B is not an @Model"
            + " record", "sealed interface User",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model record A(@Key long id) implements User {}",
        "  final class B implements User {}",
        "}");
  }

  @Test
  void anInterfaceThatIsNotSealedIsAnError() {
    CompileErrors.assertOneError("User: an @Model interface must be sealed", "interface User",
        "@Model interface User {}");
  }

  @Test
  void aVariantWithACollectionFieldIsAnError() {
    CompileErrors.assertOneError("User: variant B: field tags is generated, defaulted,"
            + " sensitive, deferred, JSON or a collection", "record B(",
        "@Model sealed interface User permits User.A, User.B {",
        "  @Model record A(@Key long id) implements User {}",
        "  @Model record B(@Key long id, List<String> tags) implements User {}",
        "}");
  }
}
