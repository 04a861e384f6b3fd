package io.toasty.stmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTextTest {

  @Test
  void cutsAtNamedParameters() {
    SqlText t =
        SqlText.parse("SELECT * FROM users WHERE email = :email OR name = :n_1 OR x = :email");
    assertEquals(List.of("email", "n_1", "email"), t.names());
    assertEquals(List.of("SELECT * FROM users WHERE email = ", " OR name = ", " OR x = ", ""),
        t.pieces());
  }

  @Test
  void leavesQuotesCommentsAndCastsAlone() {
    String sql = "SELECT ':a', \":b\", `:c`, 'it''s :d', x::text -- :e ?\n/* :f ? */ FROM t";
    SqlText t = SqlText.parse(sql + " WHERE y = :g");
    assertEquals(List.of("g"), t.names());
    assertEquals(sql + " WHERE y = ", t.pieces().get(0));
  }

  @Test
  void refusesPositionalMarkersAndUnclosedText() {
    assertThrows(IllegalArgumentException.class, () -> SqlText.parse("x = ?"));
    assertThrows(IllegalArgumentException.class, () -> SqlText.parse("x = $1"));
    assertThrows(IllegalArgumentException.class, () -> SqlText.parse("x = 'open"));
    assertThrows(IllegalArgumentException.class, () -> SqlText.parse("x /* open"));
  }
}
