package io.toasty.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.toasty.driver.Connection;
import io.toasty.driver.Operation;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Limit;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.RowReader;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/**
 * A collected read ({@code VertxConnection.readAll}) is the list of the rows {@code read} gives,
 * in order, from one execution: a bounded read, a read of a few rows, one larger than the largest
 * first page (which {@code read} streams from a cursor), and a read inside the engine's
 * transaction; a row the reader cannot read fails it with the reader's error. On PostgreSQL and
 * on MariaDB.
 */
class CollectedReadTest {
  /** More rows than the largest first page holds, so that {@code read} overflows to a cursor. */
  private static final int MANY = FirstPages.PAGES[FirstPages.PAGES.length - 1] + 50;
  private static final ModelSchema ITEM = new ModelSchema("Item", "x.Item", "items",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
          new FieldSchema(1, "n", Type.Scalar.I32, true, null, null, "n")),
      List.of(0), List.of());
  private static final int[] BOTH = {0, 1};
  private static final RowReader<String> READER = c -> c.i64(0) + ":" + c.i32(1);

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void aReadOfAFewRowsIsTheList(String server) {
    List<List<String>> both = onServer(server, 30, c -> readAndCollected(c, items(null)));
    assertEquals(30, both.get(0).size());
    assertEquals(both.get(0), both.get(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void aBoundedReadIsOneAnswersList(String server) {
    List<List<String>> both = onServer(server, 30, c -> readAndCollected(c, items(7L)));
    assertEquals(List.of("1:2", "2:4", "3:6", "4:8", "5:10", "6:12", "7:14"), both.get(1));
    assertEquals(both.get(0), both.get(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void aReadLargerThanTheLargestFirstPageIsCollectedWhole(String server) {
    List<List<String>> both = onServer(server, MANY, c -> readAndCollected(c, items(null)));
    assertEquals(MANY, both.get(1).size());
    assertEquals("1:2", both.get(1).get(0));
    assertEquals(MANY + ":" + 2 * MANY, both.get(1).get(MANY - 1));
    assertEquals(both.get(0), both.get(1));
  }

  /**
   * One execution, not a first page's try and a cursor: the first pages learn nothing from a
   * collected read (a try that overflowed would make the query's next first page larger).
   */
  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void aCollectedReadIsOneExecutionThatTriesNoFirstPage(String server) {
    Query all = (Query) items(null).statement();
    int next = onServer(server, MANY, (d, c) -> c.readAll(items(null), BOTH, READER)
        .map(list -> {
          assertEquals(MANY, list.size());
          return d.firstPages().next(all);
        }));
    assertEquals(FirstPages.PAGES[0], next);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void inTheEnginesTransactionTheListIsTheTransactionsRows(String server) {
    List<String> inside = onServer(server, 3, c -> c.exec(transaction(
            Operation.Transaction.Kind.BEGIN))
        .then(c.exec(new Operation.RawSql(List.of("UPDATE items SET n = 0 WHERE id = 2"),
            List.of(), false, List.of())))
        .then(c.readAll(items(null), BOTH, READER))
        .flatMap(list -> c.exec(transaction(Operation.Transaction.Kind.ROLLBACK))
            .thenReturn(list)));
    assertEquals(List.of("1:2", "2:0", "3:6"), inside);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void aRowTheReaderCannotReadFailsTheListWithTheReadersError(String server) {
    IllegalStateException refused = new IllegalStateException("not this one");
    RowReader<Long> picky = c -> {
      if (c.i64(0) == 2) {
        throw refused;
      }
      return c.i64(0);
    };
    Throwable failed = onServer(server, 3, c -> c.readAll(items(null), BOTH, picky)
        .map(list -> (Throwable) new AssertionError("the read did not fail: " + list))
        .onErrorResume(Mono::just));
    assertInstanceOf(IllegalStateException.class, failed);
    assertEquals("not this one", failed.getMessage());
  }

  /** {@code query} read row by row (collected here) and collected by the driver. */
  private static Mono<List<List<String>>> readAndCollected(Connection c,
      Operation.QuerySql query) {
    return c.read(query, BOTH, READER).collectList()
        .flatMap(read -> c.readAll(query, BOTH, READER).map(all -> List.of(read, all)));
  }

  /** The items in key order, at most {@code limit} of them where it is not null. */
  private static Operation.QuerySql items(@Nullable Long limit) {
    Query q = new Query(new Source.Table("items"), ExprNode.TRUE,
        new Returning.Project(List.of(new ExprNode.Column("items", 0),
            new ExprNode.Column("items", 1))),
        List.of(new OrderBy(new ExprNode.Column("items", 0), OrderBy.Direction.ASC)),
        limit == null ? null : new Limit(new ExprNode.Const(new Value.I64(limit)), null));
    return new Operation.QuerySql(q, List.of(), List.of(Type.Scalar.I64, Type.Scalar.I32));
  }

  private static Operation.Transaction transaction(Operation.Transaction.Kind kind) {
    return new Operation.Transaction(kind, null, false, null);
  }

  /** {@code work}'s result on a connection to a fresh schema of {@code rows} items, n = 2 id. */
  private static <T> T onServer(String server, int rows, Function<Connection, Mono<T>> work) {
    return onServer(server, rows, (d, c) -> work.apply(c));
  }

  /** {@link #onServer(String, int, Function)}, {@code work} given the driver too. */
  private static <T> T onServer(String server, int rows,
      BiFunction<VertxDriver, Connection, Mono<T>> work) {
    List<T> result = new ArrayList<>();
    ServerSchemas.on(server, Schema.of(List.of(ITEM)), d -> {
      StringBuilder values = new StringBuilder();
      for (int id = 1; id <= rows; id++) {
        values.append(id == 1 ? "" : ", ").append('(').append(id).append(", ").append(2 * id)
            .append(')');
      }
      ServerSchemas.raw(d, "INSERT INTO items (id, n) VALUES " + values);
      result.add(Mono.usingWhen(d.connect(), c -> work.apply(d, c), Connection::close).block(ServerSchemas.WAIT));
    });
    assertNotNull(result.get(0));
    return result.get(0);
  }
}
