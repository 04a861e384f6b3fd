package io.toasty.reactive.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.ValueRanges;
import io.toasty.error.JsonFieldException;
import io.toasty.error.ValueOutOfRangeException;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Documents written while binding, readable in what is handed back, failures naming fields. */
class JsonDocumentsTest {
  private static final java.lang.reflect.Type MAP = new Object() {
    @SuppressWarnings("unused") Map<String, Integer> field;
  }.getClass().getDeclaredFields()[0].getGenericType();

  private static Schema schema(Type type) {
    return Schema.of(List.of(new ModelSchema("Doc", "x.Doc", "docs", List.of(
        new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
        new FieldSchema(1, "body", type, true, null, null, "body")), List.of(0), List.of())));
  }

  private final JsonDocuments json = new JsonDocuments(JacksonCodec.withModules(),
      schema(Type.Scalar.JSON));

  @Test
  void aDocumentIsWrittenAsItsDeclaredType() {
    Value written = json.written(Value.json(Map.of("a", 1), MAP), "Doc", "body", null);
    assertEquals("{\"a\":1}", ((Value.Json) written).text());
    assertSame(Value.NULL, Value.json(Optional.empty(), MAP));
    Value.Str other = new Value.Str("x");
    assertSame(other, json.written(other, "Doc", "body", null));
  }

  @Test
  void aValueTheCodecCannotWriteNamesModelAndField() {
    JsonFieldException e = assertThrows(JsonFieldException.class, () -> json.written(
        Value.json(new Object(), Object.class), "Doc", "body", null));
    assertEquals(Optional.of("Doc"), e.model());
    assertEquals(Optional.of("body"), e.field());
  }

  @Test
  void aNulIsOutOfRangeWhereTheBackendStoresNone() {
    assertThrows(ValueOutOfRangeException.class, () -> json.written(
        Value.json("a\u0000b", String.class), "Doc", "body", ValueRanges.POSTGRESQL));
    assertTrue(((Value.Json) json.written(Value.json("a\u0000b", String.class), "Doc", "body",
        ValueRanges.H2)).text().contains("\\u0000"));
  }

  @Test
  void rowsAndIncludedRowsBecomeReadable() throws Exception {
    Value.Record row = Value.Record.of(new Value.I64(1), Value.Json.ofText("{\"a\":2}"),
        new Value.ListValue(List.of(Value.Record.of(Value.Json.ofText("{\"b\":3}")))));
    Value.Record read = (Value.Record) json.readable(row);
    assertEquals(Map.of("a", 2), ((Value.Json) read.get(1)).read(MAP));
    Value.Record included = (Value.Record) ((Value.ListValue) read.get(2)).items().get(0);
    assertEquals(Map.of("b", 3), ((Value.Json) included.get(0)).read(MAP));
    Value.Record plain = Value.Record.of(new Value.I64(1), new Value.Str("x"));
    assertSame(plain, json.readable(plain));
  }

  @Test
  void aSchemaWithoutDocumentsWalksNoRow() {
    JsonDocuments none = new JsonDocuments(JacksonCodec.withModules(),
        schema(Type.Scalar.STRING));
    Value.Record row = Value.Record.of(Value.Json.ofText("{}"));
    assertSame(row, none.readable(row));
  }
}
