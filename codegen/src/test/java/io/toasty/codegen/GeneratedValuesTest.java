package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.toasty.codegen.samples.Audits;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Value;
import org.junit.jupiter.api.Test;

/** {@code @CreatedAt}, {@code @UpdatedAt}, {@code now()}, {@code uuid()} and {@code @OnUpdate}. */
class GeneratedValuesTest {
  private final ModelSchema schema = Audits.MODEL.schema();

  @Test
  void createdAtIsNowOnCreateOnly() {
    assertGenerated("createdAt", AutoStrategy.NOW, null);
  }

  @Test
  void updatedAtIsNowOnCreateAndUpdate() {
    assertGenerated("updatedAt", AutoStrategy.NOW, AutoStrategy.NOW);
  }

  @Test
  void defaultExpressionsAreGeneratedNotLiterals() {
    assertGenerated("day", AutoStrategy.NOW, null);
    assertGenerated("etag", AutoStrategy.UUID_V4, AutoStrategy.UUID_V4);
    assertGenerated("touchedAt", null, AutoStrategy.NOW);
    assertNull(schema.field("day").defaultValue());
  }

  @Test
  void nowOnAStringIsALiteral() {
    FieldSchema f = schema.field("literal");
    assertNull(f.auto());
    assertEquals(Value.of("now()"), f.defaultValue());
  }

  private void assertGenerated(String field, AutoStrategy onCreate, AutoStrategy onUpdate) {
    FieldSchema f = schema.field(field);
    assertEquals(onCreate, f.auto(), field);
    assertEquals(onUpdate, f.onUpdate(), field);
  }
}
