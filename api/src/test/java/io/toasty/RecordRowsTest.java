package io.toasty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.error.InvalidStatementException;
import io.toasty.value.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/** {@link RecordRows}: raw rows read into records and tuples by column name. */
class RecordRowsTest {
  record Count(String name, int loginCount) {}

  private final Row row = new Row(List.of("LOGIN_COUNT", "name"),
      List.of(new Value.I64(3), new Value.Str("dan")));

  @Test
  void componentsReadTheirColumnsIgnoringCaseAndUnderscores() {
    assertEquals(new Count("dan", 3), RecordRows.of(Count.class).apply(row));
  }

  @Test
  void aMissingColumnOrANullPrimitiveIsRefusedByName() {
    Row partial = new Row(List.of("name"), List.of(new Value.Str("dan")));
    InvalidStatementException missing = assertThrows(InvalidStatementException.class,
        () -> RecordRows.of(Count.class).apply(partial));
    assertTrue(missing.getMessage().contains("loginCount"), missing.getMessage());
    Row nulls = new Row(List.of("name", "login_count"), Arrays.asList(new Value.Str("x"),
        Value.NULL));
    assertThrows(InvalidStatementException.class, () -> RecordRows.of(Count.class).apply(nulls));
  }

  @Test
  void aTupleReadsTheNamedColumns() {
    Tuple2<String, Long> pair = RecordRows.tuple(row, List.of("name", "login_count"),
        List.of(String.class, Long.class));
    assertEquals(Tuples.of("dan", 3L), pair);
  }
}
