package io.toasty.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
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
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/**
 * A streamed read outside a transaction tries its first page as one execution
 * ({@link FirstPages}): a result of up to a page comes from it, a larger one from a cursor from
 * its start (every row once, in order); a query that overflowed tries a larger page next, and
 * one that overflowed the largest goes to the cursor directly; on PostgreSQL and MariaDB (a
 * schema or database of its own).
 */
class FirstPagesTest {
  private static final int PAGE = VertxDriver.FETCH_SIZE;
  /** Rows of the table: more than the largest first page holds. */
  private static final int ROWS = 5_000;
  private static final ModelSchema NUMS = new ModelSchema("Num", "x.Num", "nums",
      List.of(new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id")), List.of(0),
      List.of());

  @Test
  void aQueryWithoutALimitGetsAPageAndOneRow() {
    Query limited = FirstPages.limited(upTo(10), PAGE);
    assertNotNull(limited);
    assertEquals(limit(PAGE + 1L, null), limited.limit());
  }

  @Test
  void aLargerConstantLimitIsLoweredAndItsOffsetKept() {
    ExprNode offset = new ExprNode.Const(new Value.I64(5));
    Query limited = FirstPages.limited(upTo(10).withLimit(limit(1000, offset)), PAGE);
    assertNotNull(limited);
    assertEquals(limit(PAGE + 1L, offset), limited.limit());
    Query small = upTo(10).withLimit(limit(PAGE + 1L, null));
    assertSame(small, FirstPages.limited(small, PAGE));
  }

  @Test
  void aLimitPerPartitionOrOfAValueBoundLaterIsNotLowered() {
    ExprNode column = new ExprNode.Column("nums", 0);
    assertNull(FirstPages.limited(upTo(10).withLimit(limit(1000, null)
        .perPartition(List.of(column))), PAGE));
    assertNull(FirstPages.limited(upTo(10).withLimit(new Limit(new ExprNode.Arg(0), null)),
        PAGE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void aSmallResultComesFromTheFirstPageAndALargeOneFromACursor(String server) {
    onServer(server, d -> {
      Query small = upTo(100);
      assertEquals(range(100), read(d, small));
      assertEquals(PAGE, d.firstPages().next(small), "a page was enough: it is tried again");

      Query large = upTo(PAGE + 50);
      assertEquals(range(PAGE + 50), read(d, large));
      assertEquals(4 * PAGE, d.firstPages().next(large), "it overflowed: a larger page next");
      assertEquals(range(PAGE + 50), read(d, large));
      assertEquals(4 * PAGE, d.firstPages().next(large), "the larger page held it");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void pagesGrowToTheLargestThenTheCursorReadsEveryRowInOrder(String server) {
    onServer(server, d -> {
      Query huge = upTo(ROWS);
      for (int page : FirstPages.PAGES) {
        assertFalse(d.firstPages().overflowed(huge), "a page of " + page + " is tried");
        assertEquals(page, d.firstPages().next(huge));
        assertEquals(range(ROWS), read(d, huge), "overflowing a page of " + page);
      }
      assertTrue(d.firstPages().overflowed(huge), "past the largest page: the cursor at once");
      assertEquals(range(ROWS), read(d, huge), "from the cursor, in pages of the largest");
    });
  }

  private static List<Long> range(long n) {
    return LongStream.rangeClosed(1, n).boxed().toList();
  }

  /** The ids up to {@code n}, in order. */
  private static Query upTo(long n) {
    ExprNode id = new ExprNode.Column("nums", 0);
    return new Query(new Source.Table("nums"), new ExprNode.Compare(ExprNode.CompareOp.LE, id,
        new ExprNode.Const(new Value.I64(n))), new Returning.Project(List.of(id)),
        List.of(new OrderBy(id, OrderBy.Direction.ASC)), null);
  }

  private static Limit limit(long n, ExprNode offset) {
    return new Limit(new ExprNode.Const(new Value.I64(n)), offset);
  }

  private static List<Long> read(VertxDriver d, Query q) {
    return Mono.usingWhen(d.connect(),
        c -> c.exec(new Operation.QuerySql(q, List.of(), List.of(Type.Scalar.I64)))
            .flatMapMany(r -> ((ExecResponse.Rows) r).rows())
            .map(row -> ((Value.I64) row.get(0)).value()).collectList(),
        Connection::close).block(ServerSchemas.WAIT);
  }

  /** {@code work} on a driver to a fresh schema or database holding ids 1 to {@value #ROWS}. */
  private static void onServer(String server, Consumer<VertxDriver> work) {
    boolean pg = server.equals("postgresql");
    ServerSchemas.on(server, Schema.of(List.of(NUMS)), d -> {
      ServerSchemas.raw(d, "INSERT INTO nums (id) SELECT * FROM "
          + (pg ? "generate_series(1, " + ROWS + ")" : "seq_1_to_" + ROWS));
      work.accept(d);
    });
  }
}
