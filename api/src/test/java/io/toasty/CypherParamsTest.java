package io.toasty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.InvalidStatementException;
import io.toasty.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CypherParams}: a Cypher statement's {@code $name} parameters and their values. */
class CypherParamsTest {

  @Test
  void parametersOutsideStringsQuotedNamesAndCommentsAreFound() {
    String text = "MATCH (u:User {name: $name}) WHERE u.note <> '$no' AND u.`$no2` = $n"
        + " // $no3\n/* $no4 */ RETURN $name AS again";
    assertEquals(List.of("name", "n"), List.copyOf(CypherParams.names(text)));
  }

  @Test
  void valuesAreTypedAndNullIsNull() {
    Map<String, Value> params = CypherParams.of("RETURN $a, $b",
        BoundText.with(BoundText.with(Map.of(), "a", 3L), "b", null));
    assertEquals(new Value.I64(3), params.get("a"));
    assertTrue(params.get("b").isNull());
  }

  @Test
  void anUnboundParameterAndAnUnusedBindingAreRefused() {
    InvalidStatementException unbound = assertThrows(InvalidStatementException.class,
        () -> CypherParams.of("RETURN $a", Map.of()));
    assertTrue(unbound.getMessage().contains("$a"), unbound.getMessage());
    InvalidStatementException unused = assertThrows(InvalidStatementException.class,
        () -> CypherParams.of("RETURN 1", Map.of("x", 1)));
    assertTrue(unused.getMessage().contains("$x"), unused.getMessage());
  }

  @Test
  void anUnclosedStringIsRefused() {
    assertThrows(InvalidStatementException.class, () -> CypherParams.names("RETURN 'open"));
  }
}
