package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Redaction;
import io.toasty.Secret;
import io.toasty.codegen.samples.Logins;
import io.toasty.codegen.samples.Users;
import io.toasty.codegen.samples.Vault;
import io.toasty.codegen.samples.Vaults;
import io.toasty.schema.app.AutoStrategy;
import io.toasty.schema.app.ModelSchema;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code @Sensitive} reaches the generated schema; other fields stay as they were. */
class SensitiveTest {
  private final ModelSchema schema = Logins.MODEL.schema();

  @Test
  void sensitiveFieldsAreFlagged() {
    assertTrue(schema.field("password").sensitive());
    assertTrue(schema.field("nonce").sensitive());
    assertEquals(AutoStrategy.UUID_V4, schema.field("nonce").onUpdate());
    assertFalse(schema.field("note").sensitive());
    assertFalse(schema.field("user").sensitive());
  }

  @Test
  void sensitiveTypedFieldsAreFlaggedAndStoredAsTheirValue() {
    ModelSchema vault = Vaults.MODEL.schema();
    assertTrue(vault.field("secret").sensitive());
    assertTrue(vault.field("pin").sensitive());
    assertTrue(vault.field("blob").sensitive());
    assertFalse(vault.field("name").sensitive());
    assertEquals(Type.Scalar.STRING, vault.field("secret").type());
    assertTrue(vault.field("pin").nullable());
    Vault v = new Vault("v", Secret.of("s3cret"), Optional.of(Secret.of(42L)),
        Secret.of(new byte[] {1, 2}));
    Value.Record row = Vaults.MODEL.values(v);
    assertEquals(new Value.Str("s3cret"), row.get(1));
    assertEquals(new Value.I64(42), row.get(2));
    assertEquals(v, Vaults.MODEL.load(row));
    Vault none = new Vault("n", Secret.of("x"), Optional.empty(), Secret.of(new byte[0]));
    assertEquals(Value.NULL, Vaults.MODEL.values(none).get(2));
    assertEquals(none, Vaults.MODEL.load(Vaults.MODEL.values(none)));
    assertFalse(v.toString().contains("s3cret"), v.toString());
    assertTrue(v.toString().contains("secret=" + Redaction.MASK), v.toString());
  }

  @Test
  void modelsWithoutTheAnnotationHaveNoSensitiveField() {
    assertTrue(Users.MODEL.schema().fields().stream().noneMatch(f -> f.sensitive()));
  }
}
