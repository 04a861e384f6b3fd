package io.toasty.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Redaction;
import io.toasty.Secret;
import io.toasty.codegen.samples.Keyring;
import io.toasty.codegen.samples.Keyrings;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A {@code Secret<T>} field inside an embedded record: its column is a sensitive field of the
 * model, stored as its {@code T} by values, setters and filters, read back wrapped.
 */
class EmbeddedSensitiveTest {
  private static final Keyring.Lock LOCK = new Keyring.Lock("front", Secret.of("s3cret"),
      Optional.of(Secret.of(1234)));

  @Test
  void innerSensitiveFieldsAreFlaggedAndStoredAsTheirValue() {
    ModelSchema schema = Keyrings.MODEL.schema();
    assertTrue(schema.field("lock.code").sensitive());
    assertTrue(schema.field("lock.pin").sensitive());
    assertTrue(schema.field("spare.code").sensitive());
    assertFalse(schema.field("lock.label").sensitive());
    assertEquals(Type.Scalar.STRING, schema.field("lock.code").type());
    Keyring k = new Keyring("k", LOCK, Optional.empty());
    Value.Record row = Keyrings.MODEL.values(k);
    assertEquals(new Value.Str("s3cret"), row.get(2));
    assertEquals(new Value.I32(1234), row.get(3));
    assertEquals(k, Keyrings.MODEL.load(row));
    Keyring both = new Keyring("b", LOCK, Optional.of(new Keyring.Lock("back",
        Secret.of("other"), Optional.empty())));
    assertEquals(both, Keyrings.MODEL.load(Keyrings.MODEL.values(both)));
    assertFalse(k.toString().contains("s3cret"), k.toString());
    assertTrue(k.toString().contains("code=" + Redaction.MASK), k.toString());
  }

  @Test
  void settersStoreTheValueAndFiltersTakeIt() {
    ExprNode.Record row = Keyrings.create().name("k").lock(LOCK).spare(Optional.empty()).row();
    assertEquals(new ExprNode.Const(new Value.Str("s3cret")), row.fields().get(2));
    assertEquals(new ExprNode.Const(new Value.I32(1234)), row.fields().get(3));
    assertEquals(new ExprNode.Const(Value.NULL), row.fields().get(6));
    String text = Keyrings.filter(Keyrings.LOCK.CODE.eq("s3cret")).toString();
    assertFalse(text.contains("s3cret"), text);
    assertTrue(text.contains(Redaction.MASK), text);
  }
}
