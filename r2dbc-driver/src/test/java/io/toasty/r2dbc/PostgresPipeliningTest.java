package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.toasty.sql.wire.TurnCountingProxy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What stands between a typed batch and one network round trip on PostgreSQL (docs/batches.md,
 * "Round trips"): r2dbc-postgresql 1.1 writes a statement with bound values only after the
 * previous statement's answer has been read, even when both were executed on the connection
 * without waiting. Its extended-query exchange ({@code ExtendedFlowDelegate.fetchAll}) keeps its
 * request publisher open until its answer ends, and the client sends exchanges' publishers one
 * after the other ({@code ReactorNettyClient}: {@code requestSink.asFlux().concatMap(..)}).
 * Counted here through a proxy: five bound statements subscribed together take five round trips,
 * as many as one after the other; statements without bound values (simple-query exchanges) do
 * go out together, one round trip for five, which shows the proxy sees pipelining where there is
 * some. When a driver version pipelines bound statements, the first test fails: the engine can
 * then send a batch's statements together (see the docs section).
 */
class PostgresPipeliningTest {
  /** A hang guard, not a timing assertion: every wait here ends long before. */
  private static final Duration GUARD = Duration.ofSeconds(30);
  private static final int STATEMENTS = 5;

  @Test
  void boundStatementsSubscribedTogetherTakeOneRoundTripEach() throws Exception {
    try (TurnCountingProxy proxy = proxy()) {
      List<Integer> turns = Mono.usingWhen(connect(proxy),
          // one measurement after the other; the first also prepares the statement
          c -> Flux.concat(count(proxy, c, 1, Flux::concat), count(proxy, c, 1, Flux::concat),
                  count(proxy, c, STATEMENTS, Flux::concat),
                  count(proxy, c, STATEMENTS, Flux::mergeSequential))
              .skip(1).collectList(),
          Connection::close).block(GUARD);

      assertEquals(1, turns.get(0), "one statement: one round trip");
      assertEquals(STATEMENTS, turns.get(1), "one after the other: one round trip each");
      assertEquals(STATEMENTS, turns.get(2), "subscribed together, before any answer is read: "
          + "still one round trip each, the driver does not pipeline bound statements");
    }
  }

  @Test
  void statementsWithoutBoundValuesSubscribedTogetherGoOutInOneRoundTrip() throws Exception {
    try (TurnCountingProxy proxy = proxy()) {
      Connection c = connect(proxy).block(GUARD);
      try {
        Flux.from(c.createStatement("SELECT 1").execute()).flatMap(r -> r.getRowsUpdated())
            .blockLast(GUARD);
        int before = proxy.turns();
        int queries = proxy.sent('Q');
        proxy.hold(); // no answer reaches the driver until every statement was written
        List<Flux<Integer>> each = new ArrayList<>();
        for (int k = 0; k < STATEMENTS; k++) {
          String sql = "SELECT " + k + " + 1";
          each.add(Flux.defer(() -> Flux.from(c.createStatement(sql).execute()))
              .concatMap(r -> r.map((row, metadata) -> row.get(0, Integer.class))));
        }
        CompletableFuture<List<Integer>> results =
            Flux.mergeSequential(each).collectList().toFuture();
        long guard = System.nanoTime() + GUARD.toNanos();
        while (proxy.sent('Q') - queries < STATEMENTS && System.nanoTime() < guard) {
          Thread.sleep(5);
        }
        assertEquals(STATEMENTS, proxy.sent('Q') - queries,
            "every statement was written before any answer was read");
        proxy.release();

        assertEquals(List.of(1, 2, 3, 4, 5), results.get(GUARD.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1, proxy.turns() - before, "five statements, one round trip");
      } finally {
        Mono.from(c.close()).block(GUARD);
      }
    }
  }

  /** A proxy in front of the test PostgreSQL server. */
  private static TurnCountingProxy proxy() throws IOException {
    ConnectionFactoryOptions server = server();
    Integer port = (Integer) server.getValue(ConnectionFactoryOptions.PORT);
    return TurnCountingProxy.to((String) server.getRequiredValue(ConnectionFactoryOptions.HOST),
        port == null ? 5432 : port);
  }

  private static ConnectionFactoryOptions server() {
    return ConnectionFactoryOptions.parse(TestDatabase.serverUrl(TestDatabase.Kind.POSTGRESQL));
  }

  /** One connection of the raw driver, through {@code proxy}. */
  private static Mono<Connection> connect(TurnCountingProxy proxy) {
    ConnectionFactoryOptions viaProxy = server().mutate()
        .option(ConnectionFactoryOptions.HOST, "127.0.0.1")
        .option(ConnectionFactoryOptions.PORT, proxy.port()).build();
    return Mono.from(ConnectionFactories.get(viaProxy).create());
  }

  /**
   * The round trips of {@code n} statements with a bound value, run on {@code c} as
   * {@code combine} subscribes them; each answer checked.
   */
  private static Mono<Integer> count(TurnCountingProxy proxy, Connection c, int n,
      Function<List<Flux<Integer>>, Flux<Integer>> combine) {
    return Mono.defer(() -> {
      List<Flux<Integer>> each = new ArrayList<>(n);
      List<Integer> expected = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        int value = k;
        expected.add(k + 1);
        each.add(Flux.defer(() -> Flux.from(c.createStatement("SELECT $1::int + 1")
                .bind(0, value).execute()))
            .concatMap(r -> r.map((row, metadata) -> row.get(0, Integer.class))));
      }
      int before = proxy.turns();
      return combine.apply(each).collectList().map(got -> {
        assertEquals(expected, got, "every answer, in order");
        return proxy.turns() - before;
      });
    });
  }
}
