package io.toasty.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.OrderBy;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.RowReader;
import io.toasty.value.Type;
import io.toasty.value.Value;
import io.toasty.value.ValueColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A query's rows built by a reader straight from Vert.x's rows ({@code VertxConnection.read},
 * {@link VertxColumns}) are what the value path gives ({@code ValueColumns} over the decoded
 * rows): every getter, every value, NULLs, a document column, and the error of a NULL read
 * into a primitive; on PostgreSQL and on MariaDB (the build's servers, a schema or database of
 * its own).
 */
class DirectReadTest {
  private static final List<Type> TYPES = List.of(Type.Scalar.I64, Type.Scalar.I32,
      Type.Scalar.STRING, Type.Scalar.BOOL, Type.Scalar.DECIMAL, Type.Scalar.INSTANT,
      Type.Scalar.UUID, Type.Scalar.JSON, Type.Scalar.I16, Type.Scalar.F64);
  private static final String[] NAMES = {"id", "n", "name", "flag", "price", "at", "ref", "doc",
      "small", "ratio"};
  private static final ModelSchema SAMPLE = new ModelSchema("Sample", "x.Sample", "samples",
      fields(), List.of(0), List.of());
  private static final int[] ALL = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  private static List<FieldSchema> fields() {
    List<FieldSchema> out = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) {
      out.add(new FieldSchema(i, NAMES[i], TYPES.get(i), i > 1 && i != 3 && i != 8, null, null,
          NAMES[i]));
    }
    return out;
  }

  /** Every field through its typed getter, NULL as null. */
  private static final RowReader<List<Object>> EVERY = c -> Arrays.asList(c.i64(0), c.i32(1),
      c.str(2), c.bool(3), c.decimal(4), c.instant(5), c.uuid(6),
      c.isNull(7) ? null : c.value(7, Type.Scalar.JSON), c.i16(8),
      c.isNull(9) ? null : c.f64(9));

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void everyGetterReadsWhatTheValuePathReads(String server) {
    assertSameRows(server, EVERY);
  }

  /** Every field as a value, as the engine keys records by (an include's foreign keys). */
  private static final RowReader<List<Object>> VALUES = c -> {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < TYPES.size(); i++) {
      out.add(c.value(i, TYPES.get(i)));
    }
    return out;
  };

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void everyValueIsWhatTheValuePathGives(String server) {
    assertSameRows(server, VALUES);
  }

  /** The three samples read by {@code reader} straight from the rows and on the value path. */
  private static void assertSameRows(String server, RowReader<List<Object>> reader) {
    List<List<List<Object>>> both = onServer(server, c -> c.read(query(), ALL, reader)
        .collectList().flatMap(direct -> valuePath(c, reader).collectList()
            .map(values -> List.of(direct, values))));
    assertEquals(3, both.get(0).size(), both::toString);
    assertEquals(both.get(1), both.get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void aNullReadIntoAPrimitiveFailsAsOnTheValuePath(String server) {
    RowReader<Double> ratio = c -> c.f64(9);
    List<Throwable> both = onServer(server, c -> failure(c.read(query(), ALL, ratio))
        .flatMap(direct -> failure(valuePath(c, ratio)).map(values -> List.of(direct, values))));
    assertEquals(both.get(1).getClass(), both.get(0).getClass());
    assertEquals(both.get(1).getMessage(), both.get(0).getMessage());
  }

  /** The error {@code rows} end with; none is a failure of the test. */
  private static Mono<Throwable> failure(Flux<?> rows) {
    return rows.then(Mono.<Throwable>error(new AssertionError("the read did not fail")))
        .onErrorResume(e -> e instanceof AssertionError ? Mono.error(e) : Mono.just(e));
  }

  private static Operation.QuerySql query() {
    List<ExprNode> columns = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) {
      columns.add(new ExprNode.Column("samples", i));
    }
    Query q = new Query(new Source.Table("samples"), ExprNode.TRUE,
        new Returning.Project(columns), List.of(new OrderBy(new ExprNode.Column("samples", 0),
            OrderBy.Direction.ASC)), null);
    return new Operation.QuerySql(q, List.of(), TYPES);
  }

  /** What {@code Connection}'s default read gives: the decoded rows read by {@code reader}. */
  private static <T> Flux<T> valuePath(Connection c, RowReader<T> reader) {
    return c.exec(query()).flatMapMany(r -> ((ExecResponse.Rows) r).rows())
        .map(row -> reader.read(new ValueColumns(row, ALL)));
  }

  /** {@code work}'s result on a connection to a fresh schema or database of three samples. */
  private static <T> T onServer(String server, Function<Connection, Mono<T>> work) {
    boolean pg = server.equals("postgresql");
    List<T> result = new ArrayList<>();
    ServerSchemas.on(server, Schema.of(List.of(SAMPLE)), d -> {
      String uuid = UUID.randomUUID().toString();
      String doc = "'{\"a\": [1, 2.5]}'";
      ServerSchemas.raw(d, "INSERT INTO samples (id, n, name, flag, price, at, ref, doc, small, "
          + "ratio) VALUES "
          + "(1, 7, 'ann', " + (pg ? "true" : "1") + ", 12.50, "
          + (pg ? "'2026-11-28 10:00:00+00'" : "'2026-11-28 10:00:00'") + ", '" + uuid
          + "', " + doc + ", 3, 0.25), "
          + "(2, -1, NULL, " + (pg ? "false" : "0") + ", NULL, NULL, NULL, NULL, -4, NULL), "
          + "(3, 2147483647, 'zoë', " + (pg ? "true" : "1") + ", -0.01, "
          + (pg ? "'1970-01-01 00:00:00+00'" : "'1970-01-01 00:00:01'")
          + ", NULL, '[]', 32767, 1e10)");
      result.add(Mono.usingWhen(d.connect(), work, Connection::close).block(ServerSchemas.WAIT));
    });
    assertNotNull(result.get(0));
    return result.get(0);
  }
}
