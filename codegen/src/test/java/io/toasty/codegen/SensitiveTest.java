package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.codegen.samples.Logins;
import io.toasty.schema.app.Auto;
import io.toasty.schema.app.ModelSchema;
import io.toasty.codegen.samples.Users;
import org.junit.jupiter.api.Test;

/** {@code @Sensitive} reaches the generated schema; other fields stay as they were. */
class SensitiveTest {
  private final ModelSchema schema = Logins.MODEL.schema();

  @Test
  void sensitiveFieldsAreFlagged() {
    assertTrue(schema.field("password").sensitive());
    assertTrue(schema.field("nonce").sensitive());
    assertEquals(Auto.UUID_V4, schema.field("nonce").onUpdate());
    assertFalse(schema.field("note").sensitive());
    assertFalse(schema.field("user").sensitive());
  }

  @Test
  void modelsWithoutTheAnnotationHaveNoSensitiveField() {
    assertTrue(Users.MODEL.schema().fields().stream().noneMatch(f -> f.sensitive()));
  }
}
