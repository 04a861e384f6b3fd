package io.toasty.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.Change;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangePayloadTest {

  @Test
  void readsKindTokenAndKeyParts() {
    ChangePayload p = ChangePayload.parse("U 812 3 5:a b:c 2:42");
    assertEquals(Change.Kind.UPDATED, p.kind());
    assertEquals("812.3", p.token());
    assertEquals(List.of("a b:c", "42"), p.key());
    assertEquals(Value.Record.of(new Value.Str("a b:c"), new Value.I64(42)),
        p.keyValues(List.of(Type.Scalar.STRING, Type.Scalar.I64)));
  }

  /** PostgreSQL's length counts code points, not UTF-16 units. */
  @Test
  void countsKeyLengthsInCodePoints() {
    ChangePayload p = ChangePayload.parse("I 1 1 3:x😀y 1:z");
    assertEquals(List.of("x😀y", "z"), p.key());
  }

  @Test
  void readsUuidsAndDeletes() {
    UUID id = UUID.randomUUID();
    ChangePayload p = ChangePayload.parse("D 7 1 36:" + id);
    assertEquals(Change.Kind.DELETED, p.kind());
    assertEquals(Value.Record.of(new Value.Uuid(id)), p.keyValues(List.of(Type.Scalar.UUID)));
  }

  /** A resume reads the log's number back from a token; anything else is refused. */
  @Test
  void readsTheSequenceOfAToken() {
    assertEquals(3L, ChangePayload.sequence(ChangePayload.parse("U 812 3 1:a").token()));
    for (String bad : List.of("812", "812.", ".3", "x.3", "812.x", "812.0", "812.-4", "")) {
      assertThrows(IllegalArgumentException.class, () -> ChangePayload.sequence(bad), bad);
    }
  }

  @Test
  void refusesWhatNoTriggerSends() {
    assertThrows(IllegalArgumentException.class, () -> ChangePayload.parse("X 1 1 1:a"));
    assertThrows(IllegalArgumentException.class, () -> ChangePayload.parse("hello"));
    assertThrows(IllegalArgumentException.class,
        () -> ChangePayload.parse("I 1 1 1:a").keyValues(List.of()));
  }

  @Test
  void readsBackOnlyKeysItCanParse() {
    assertTrue(ChangePayload.readable(Type.Scalar.I32));
    assertFalse(ChangePayload.readable(Type.Scalar.BYTES));
  }
}
