package io.toasty.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.toasty.driver.Connection;
import io.toasty.driver.ExecResponse;
import io.toasty.driver.Operation;
import io.toasty.schema.Schema;
import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import io.toasty.sql.wire.TurnCountingProxy;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.Query;
import io.toasty.stmt.Returning;
import io.toasty.stmt.Source;
import io.toasty.value.RowReader;
import io.toasty.value.Type;
import io.toasty.value.Value;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads of one plan sent together ({@code VertxConnection.readEach}): each read's records, in
 * the order of the reads, are what it reads alone; on PostgreSQL they go out together, one
 * round trip and one Sync for all, where one at a time they take one each (counted on the wire
 * by a {@link TurnCountingProxy}), bounded or not; a row a reader cannot read fails them all
 * with its error.
 */
class PipelinedReadTest {
  private static final ModelSchema ITEM = new ModelSchema("Item", "x.Item", "items", List.of(
      new FieldSchema(0, "id", Type.Scalar.I64, false, null, null, "id"),
      new FieldSchema(1, "name", Type.Scalar.STRING, true, null, null, "name")),
      List.of(0), List.of());
  private static final int[] FIELDS = {0, 1};
  private static final RowReader<String> NAME = c -> c.i64(0) + ":" + c.str(1);
  /** One statement instance, as a plan's reads share theirs. */
  private static final Query BY_ID = equalTo(0);

  private static Operation.QuerySql byId(long id) {
    return new Operation.QuerySql(BY_ID, List.of(new Value.I64(id)),
        List.of(Type.Scalar.I64, Type.Scalar.STRING));
  }

  /** Reads by name: not bounded (no key pinned, no limit), as a collected read may be. */
  private static final Query BY_NAME = equalTo(1);

  /** The items whose column {@code column} equals the read's one value. */
  private static Query equalTo(int column) {
    return new Query(new Source.Table("items"),
        new ExprNode.Compare(ExprNode.CompareOp.EQ, new ExprNode.Column("items", column),
            new ExprNode.Arg(0)),
        new Returning.Project(List.of(new ExprNode.Column("items", 0),
            new ExprNode.Column("items", 1))), List.of(), null);
  }

  private static Operation.QuerySql byName(String name) {
    return new Operation.QuerySql(BY_NAME, List.of(new Value.Str(name)),
        List.of(Type.Scalar.I64, Type.Scalar.STRING));
  }

  private static final List<Operation.QuerySql> READS =
      List.of(byId(3), byId(1), byId(99), byId(2), byId(1));

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void eachReadGetsWhatItReadsAloneInOrder(String server) {
    List<List<List<String>>> both = onServer(server, 0, c -> c.readEach(READS, FIELDS, NAME)
        .collectList().flatMap(together -> Flux.fromIterable(READS)
            .concatMap(q -> c.read(q, FIELDS, NAME).collectList()).collectList()
            .map(alone -> List.of(together, alone))));
    assertEquals(List.of(List.of("3:c"), List.of("1:a"), List.of(), List.of("2:null"),
        List.of("1:a")), both.get(0));
    assertEquals(both.get(1), both.get(0));
  }

  @Test
  void theReadsGoOutTogetherInOneRoundTrip() throws Exception {
    try (TurnCountingProxy proxy = TurnCountingProxy.to("127.0.0.1", 5432)) {
      int[] together = onServer("postgresql", proxy.port(),
          c -> c.read(byId(1), FIELDS, NAME).then(Mono.fromCallable(() -> wire(proxy)))
              .flatMap(before -> c.readEach(READS, FIELDS, NAME).then(
                  Mono.fromCallable(() -> minus(wire(proxy), before)))));
      assertEquals(1, together[0], "round trips of five reads sent together");
      assertEquals(1, together[1], "Syncs");
      assertEquals(5, together[2], "Executes: each read is its own statement");
    }
    try (TurnCountingProxy proxy = TurnCountingProxy.to("127.0.0.1", 5432)) {
      int[] alone = onServer("postgresql", proxy.port(),
          c -> c.read(byId(1), FIELDS, NAME).then(Mono.fromCallable(() -> wire(proxy)))
              .flatMap(before -> oneAtATime(c).readEach(READS, FIELDS, NAME).then(
                  Mono.fromCallable(() -> minus(wire(proxy), before)))));
      assertEquals(5, alone[0], "round trips of five reads one after the other");
    }
  }

  /**
   * Reads that are not bounded go out together too: the engine sends only reads whose rows its
   * callers hold whole (a get by key, a collected read), so the pipeline holds no more.
   */
  @Test
  void readsOfAnyFilterGoOutTogetherInOneRoundTrip() throws Exception {
    List<Operation.QuerySql> reads = List.of(byName("a"), byName("c"), byName("zz"));
    try (TurnCountingProxy proxy = TurnCountingProxy.to("127.0.0.1", 5432)) {
      int[] together = onServer("postgresql", proxy.port(),
          // collected once alone first (its text as sent together, where a streamed read tries
          // a limited first page): the statement is prepared before the count, as in a plan
          c -> c.readAll(byName("a"), FIELDS, NAME).then(Mono.fromCallable(() -> wire(proxy)))
              .flatMap(before -> c.readEach(reads, FIELDS, NAME).collectList().map(lists -> {
                assertEquals(List.of(List.of("1:a"), List.of("3:c"), List.of()), lists);
                return minus(wire(proxy), before);
              })));
      assertEquals(1, together[0], "round trips of three reads sent together");
      assertEquals(3, together[2], "Executes: each read is its own statement");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void aRowItsReaderCannotReadFailsTheReadsWithTheReadersError(String server) {
    RowReader<String> strict = c -> {
      if (c.isNull(1)) {
        throw new IllegalArgumentException("no name for " + c.i64(0));
      }
      return c.str(1);
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> onServer(server, 0, c -> c.readEach(READS, FIELDS, strict).collectList()));
    assertTrue(e.getMessage().contains("no name for 2"), e.getMessage());
  }

  /** Turns, Syncs and Executes counted so far. */
  private static int[] wire(TurnCountingProxy proxy) {
    return new int[] {proxy.turns(), proxy.sent('S'), proxy.sent('E')};
  }

  private static int[] minus(int[] now, int[] before) {
    return new int[] {now[0] - before[0], now[1] - before[1], now[2] - before[2]};
  }

  /** {@code c} with {@code Connection}'s default readEach: the reads one after the other. */
  private static Connection oneAtATime(Connection c) {
    return new Connection() {
      @Override
      public Mono<ExecResponse> exec(Operation operation) {
        return c.exec(operation);
      }

      @Override
      public <T> Flux<T> read(Operation.QuerySql query, int[] fields, RowReader<T> reader) {
        return c.read(query, fields, reader);
      }

      @Override
      public Mono<Void> close() {
        return c.close();
      }
    };
  }

  /** {@code work}'s result on a connection to a fresh schema or database of three items. */
  private static <T> T onServer(String server, int port, Function<Connection, Mono<T>> work) {
    Object[] result = new Object[1];
    ServerSchemas.on(server, Schema.of(List.of(ITEM)), port, d -> {
      ServerSchemas.raw(d, "INSERT INTO items (id, name) VALUES (1, 'a'), (2, NULL), (3, 'c')");
      result[0] = Mono.usingWhen(d.connect(), work, Connection::close).block(ServerSchemas.WAIT);
    });
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }
}
