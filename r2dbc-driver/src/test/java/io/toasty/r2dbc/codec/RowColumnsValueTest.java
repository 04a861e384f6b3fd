package io.toasty.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.toasty.r2dbc.Fixtures;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link RowColumns#value}: a column read as a value is read from the driver once per row, and
 * its value is kept for the next rows while the column holds an equal value (the rows of one
 * key, one after another), and made anew when it changes, is NULL or is asked as another type.
 */
class RowColumnsValueTest {
  private Connection connection;

  @BeforeEach
  void open() {
    connection = Mono.from(ConnectionFactories.get(Fixtures.memUrl()).create()).block();
    WatchedRows.run(connection, "CREATE TABLE t (id BIGINT, parent BIGINT, name VARCHAR(20))");
    WatchedRows.run(connection, "INSERT INTO t VALUES (1, 7, 'a'), (2, 7, 'b'), (3, 8, 'c'),"
        + " (4, 7, 'd'), (5, NULL, 'e'), (6, 7, 'f')");
  }

  @AfterEach
  void close() {
    Mono.from(connection.close()).block();
  }

  @Test
  void aKeyEqualToThePreviousRowsIsTheSameValueAndReadOnce() {
    AtomicInteger gets = new AtomicInteger();
    List<Value> keys = read(gets, (columns, row) -> {
      Value key = columns.value(1, Type.Scalar.I64);
      assertSame(key, columns.value(1, Type.Scalar.I64), "asked twice in one row");
      columns.i64(0);
      if (!columns.isNull(1)) {
        columns.i64(1); // the key's column through a getter: no second read
      }
      columns.str(2);
      return key;
    });
    List<Value> expected = List.of(new Value.I64(7), new Value.I64(7), new Value.I64(8),
        new Value.I64(7), Value.NULL, new Value.I64(7));
    assertEquals(expected, keys);
    assertSame(keys.get(0), keys.get(1), "rows 1 and 2 hold the same key");
    assertNotSame(keys.get(1), keys.get(3), "a key that came back after another is made anew");
    assertNotSame(keys.get(3), keys.get(5), "and after a NULL");
    assertEquals(6 * 3, gets.get(), "each column of each row read from the driver once");
  }

  @Test
  void aKeyAskedAsAnotherTypeIsMadeAsThatType() {
    List<Value> keys = read(new AtomicInteger(), (columns, row) -> row % 2 == 0
        ? columns.value(1, Type.Scalar.I64) : columns.value(1, Type.Scalar.I32));
    assertEquals(List.of(new Value.I64(7), new Value.I32(7), new Value.I64(8), new Value.I32(7),
        Value.NULL, new Value.I32(7)), keys);
  }

  /** Every row through one {@link RowColumns} (fields: id, parent, name); counts the gets. */
  private List<Value> read(AtomicInteger gets, BiFunction<RowColumns, Integer, Value> each) {
    RowColumns columns = new RowColumns(new int[] {0, 1, 2}, false);
    AtomicInteger rowNo = new AtomicInteger();
    return Flux.from(connection.createStatement("SELECT id, parent, name FROM t ORDER BY id")
            .execute())
        .concatMap(r -> r.map((row, md) -> each.apply(
            columns.at(WatchedRows.watched(row, asked -> gets.incrementAndGet())),
            rowNo.getAndIncrement())))
        .collectList().block();
  }
}
