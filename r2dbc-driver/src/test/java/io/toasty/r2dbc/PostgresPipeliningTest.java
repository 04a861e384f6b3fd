package io.toasty.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * as many as one after the other. When a driver version pipelines them, this test fails: the
 * engine can then send a batch's statements together (see the docs section).
 */
class PostgresPipeliningTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int STATEMENTS = 5;

  @Test
  void boundStatementsSubscribedTogetherTakeOneRoundTripEach() throws Exception {
    ConnectionFactoryOptions server = ConnectionFactoryOptions.parse(
        TestDatabase.serverUrl(TestDatabase.Kind.POSTGRESQL));
    try (TurnCountingProxy proxy = TurnCountingProxy.to(
        (String) server.getRequiredValue(ConnectionFactoryOptions.HOST),
        (Integer) server.getValue(ConnectionFactoryOptions.PORT) == null ? 5432
            : (Integer) server.getValue(ConnectionFactoryOptions.PORT))) {
      ConnectionFactoryOptions viaProxy = server.mutate()
          .option(ConnectionFactoryOptions.HOST, "127.0.0.1")
          .option(ConnectionFactoryOptions.PORT, proxy.port()).build();
      List<Integer> turns = Mono.usingWhen(
          Mono.from(ConnectionFactories.get(viaProxy).create()),
          // one measurement after the other; the first also prepares the statement
          c -> Flux.concat(count(proxy, c, 1, Flux::concat), count(proxy, c, 1, Flux::concat),
                  count(proxy, c, STATEMENTS, Flux::concat),
                  count(proxy, c, STATEMENTS, Flux::mergeSequential))
              .skip(1).collectList(),
          Connection::close).block(TIMEOUT);

      assertEquals(1, turns.get(0), "one statement: one round trip");
      assertEquals(STATEMENTS, turns.get(1), "one after the other: one round trip each");
      assertEquals(STATEMENTS, turns.get(2), "subscribed together, before any answer is read: "
          + "still one round trip each, the driver does not pipeline bound statements");
    }
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
