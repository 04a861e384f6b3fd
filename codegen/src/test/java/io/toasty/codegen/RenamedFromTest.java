package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.codegen.samples.Renameds;
import io.toasty.schema.app.ModelSchema;
import org.junit.jupiter.api.Test;

/** {@code @Column(renamedFrom = ..)} reaches the generated schema, beside the column's name. */
class RenamedFromTest {
  private final ModelSchema schema = Renameds.MODEL.schema();

  @Test
  void theDeclaredPreviousNameIsInTheSchema() {
    assertEquals("nick", schema.field("nickname").renamedFrom());
    assertEquals("nickname", schema.field("nickname").columnName());
    assertEquals("name", schema.field("displayName").renamedFrom());
    assertEquals("full_name", schema.field("displayName").columnName());
    assertEquals("pin", schema.field("secret").renamedFrom());
    assertTrue(schema.field("secret").sensitive());
    assertTrue(schema.field("nickname").nullable());
    assertNull(schema.field("kept").renamedFrom());
  }
}
