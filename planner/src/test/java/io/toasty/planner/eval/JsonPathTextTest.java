package io.toasty.planner.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.toasty.stmt.ExprNode;
import io.toasty.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathTextTest {
  private static final Value DOC = Value.Json.ofText("{\"skip\": [1, {\"a\": \"}\"}, [2]],"
      + " \"theme\": \"h\\u00f6g \\\"k\\\"\", \"limits\": {\"daily\": -1.50, \"on\": true,"
      + " \"none\": null, \"nested\": {\"x\": 1}, \"list\": [1, 2]}, \"empty\": {}}");

  @Test
  void readsStringsUnescapedAndNumbersAndBooleansAsTheirText() {
    assertEquals(new Value.Str("hög \"k\""), text("theme"));
    assertEquals(new Value.Str("-1.50"), text("limits", "daily"));
    assertEquals(new Value.Str("true"), text("limits", "on"));
  }

  @Test
  void nullsObjectsArraysAndMissingKeysAreNull() {
    assertEquals(Value.NULL, text("limits", "none"));
    assertEquals(Value.NULL, text("limits", "nested"));
    assertEquals(Value.NULL, text("limits", "list"));
    assertEquals(Value.NULL, text("limits", "missing"));
    assertEquals(Value.NULL, text("theme", "deeper"));
    assertEquals(Value.NULL, text("empty", "x"));
    assertEquals(Value.NULL, JsonPathText.of(Value.NULL, List.of("theme")));
  }

  @Test
  void evalReadsAPathOfAColumnWithThreeValuedComparisons() {
    ExprNode path = new ExprNode.JsonText(new ExprNode.Column("t", 0), List.of("limits", "on"));
    Value.Record row = new Value.Record(List.of(DOC));
    assertEquals(Value.TRUE, Eval.eval(new ExprNode.Compare(ExprNode.CompareOp.EQ, path,
        new ExprNode.Const(new Value.Str("true"))), List.of(), row));
    ExprNode missing = new ExprNode.JsonText(new ExprNode.Column("t", 0), List.of("no"));
    assertEquals(Value.NULL, Eval.eval(new ExprNode.Compare(ExprNode.CompareOp.NE, missing,
        new ExprNode.Const(new Value.Str("x"))), List.of(), row));
  }

  @Test
  void aMalformedDocumentFailsNamingWhere() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JsonPathText.of(Value.Json.ofText("{\"a\" 1}"), List.of("a")));
    assertEquals("a stored JSON document is malformed at character 5", e.getMessage());
  }

  private static Value text(String... path) {
    return JsonPathText.of(DOC, List.of(path));
  }
}
