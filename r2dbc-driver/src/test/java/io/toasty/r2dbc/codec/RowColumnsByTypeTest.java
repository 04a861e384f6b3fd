package io.toasty.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.toasty.r2dbc.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link RowColumns} reading by type (H2): each column is asked for as {@code Object} until a
 * row showed its class, then as that class, with the same values as reading every cell as an
 * object, NULLs and widenings included.
 */
class RowColumnsByTypeTest {
  private Connection connection;

  @BeforeEach
  void open() {
    connection = Mono.from(ConnectionFactories.get(Fixtures.memUrl()).create()).block();
    WatchedRows.run(connection,
        "CREATE TABLE t (id BIGINT, name VARCHAR(20), n INTEGER, small INTEGER)");
    WatchedRows.run(connection,
        "INSERT INTO t VALUES (1, NULL, 10, 1), (2, 'b', 20, 2), (3, 'c', 30, 3)");
  }

  @AfterEach
  void close() {
    Mono.from(connection.close()).block();
  }

  @Test
  void eachColumnIsAskedForByItsClassOnceARowShowedIt() {
    List<List<Class<?>>> asked = new ArrayList<>();
    List<List<Object>> read = read(true, asked);
    assertEquals(expected(), read);
    // row 1: all as Object; name was NULL, so row 2 asks Object again and learns String;
    // small, read as i64, is an INTEGER widened, which never teaches Long
    assertEquals(List.of(Object.class, Object.class, Object.class, Object.class), asked.get(0));
    assertEquals(List.of(Long.class, Object.class, Integer.class, Object.class), asked.get(1));
    assertEquals(List.of(Long.class, String.class, Integer.class, Object.class), asked.get(2));
  }

  @Test
  void withoutReadingByTypeEveryCellIsAskedForAsAnObject() {
    List<List<Class<?>>> asked = new ArrayList<>();
    assertEquals(expected(), read(false, asked));
    for (List<Class<?>> row : asked) {
      assertEquals(List.of(Object.class, Object.class, Object.class, Object.class), row);
    }
  }

  private static List<List<Object>> expected() {
    return List.of(List.of(1L, "null", 10, 1L), List.of(2L, "b", 20, 2L),
        List.of(3L, "c", 30, 3L));
  }

  /** Every row through one {@link RowColumns}; the classes asked of the driver, per row. */
  private List<List<Object>> read(boolean byType, List<List<Class<?>>> asked) {
    RowColumns columns = new RowColumns(new int[] {0, 1, 2, 3}, byType);
    return Flux.from(connection.createStatement("SELECT id, name, n, small FROM t ORDER BY id")
            .execute())
        .concatMap(r -> r.map((row, md) -> {
          List<Class<?>> classes = new ArrayList<>();
          asked.add(classes);
          columns.at(WatchedRows.watched(row, classes::add));
          List<Object> out = new ArrayList<>();
          out.add(columns.i64(0));
          out.add(String.valueOf(columns.str(1)));
          out.add(columns.i32(2));
          out.add(columns.i64(3));
          return out;
        }))
        .collectList().block();
  }
}
