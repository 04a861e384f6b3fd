package io.toasty.example.blog;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactories;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A soak run of {@link BlogHttpContract} on PostgreSQL, not part of the default build (the name
 * ends in Soak): every scenario of the contract, in a shuffled order, round after round, in one
 * JVM against one server, optionally with cancelled requests and bad cursors fired beside it.
 * Stops at the first failure with the pool's state and the server's sessions.
 *
 * <pre>
 * mvn -o -B test -pl examples/webflux-blog -am -Dtest='BlogOnPostgresSoak#soak' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.rounds=30 -Dsoak.noise=true
 * </pre>
 */
@TestPropertySource(properties = {
    "logging.level.io.toasty.statement=DEBUG",
    "logging.level.io.toasty.spring=DEBUG",
    "logging.file.name=target/soak/blog.log"})
class BlogOnPostgresSoak extends BlogOnPostgresTest {
  private static final Logger LOG = LoggerFactory.getLogger(BlogOnPostgresSoak.class);
  /** Scenarios that assume nobody else writes meanwhile: left out while the noise runs. */
  private static final List<String> ALONE = List.of("pagesOfPostsNewestFirstWithAuthorAndTags",
      "cancelledRequestsLeaveNothingHalfWritten");

  @Test
  void soak() throws Throwable {
    int rounds = Integer.getInteger("soak.rounds", 20);
    boolean noisy = Boolean.getBoolean("soak.noise");
    List<Method> scenarios = new ArrayList<>();
    for (Method m : BlogHttpContract.class.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Test.class) && !(noisy && ALONE.contains(m.getName()))) {
        scenarios.add(m);
      }
    }
    scenarios.sort((a, b) -> a.getName().compareTo(b.getName()));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger noise = new AtomicInteger();
    Disposable noiseRun = noisy ? noise(stop, noise) : null;
    int runs = 0;
    try {
      for (int round = 0; round < rounds; round++) {
        List<Method> order = new ArrayList<>(scenarios);
        Collections.shuffle(order, new Random(round));
        for (Method m : order) {
          try {
            m.setAccessible(true);
            m.invoke(this);
            runs++;
          } catch (InvocationTargetException e) {
            dump("round " + round + ", " + m.getName() + " after " + runs + " scenario runs",
                e.getCause());
            throw e.getCause();
          }
        }
        LOG.info("soak round {} of {} passed ({} scenario runs, {} noise requests)", round + 1,
            rounds, runs, noise.get());
      }
    } finally {
      stop.set(true);
      if (noiseRun != null) {
        noiseRun.dispose();
      }
    }
  }

  /** Cancelled creates and bad cursors, 4 at a time, until stopped. */
  private Disposable noise(AtomicBoolean stop, AtomicInteger count) {
    long author = createUser("Noise");
    WebClient client = WebClient.create("http://127.0.0.1:" + port);
    Random random = new Random(7);
    return Flux.range(0, Integer.MAX_VALUE).takeWhile(i -> !stop.get())
        .flatMap(i -> {
          Mono<String> call = switch (i % 3) {
            case 0 -> client.post().uri("/posts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("authorId", author, "title", "noise-" + i, "body", "b",
                    "tags", List.of("noise-a", "noise-b")))
                .retrieve().bodyToMono(String.class);
            case 1 -> client.get().uri("/posts?size=1&after=" + "AbCd".repeat(i % 13))
                .exchangeToMono(r -> r.bodyToMono(String.class));
            default -> client.post().uri("/posts/" + (i % 50) + "/publish")
                .exchangeToMono(r -> r.bodyToMono(String.class));
          };
          return call.timeout(Duration.ofMillis(random.nextInt(60)), Mono.empty())
              .onErrorResume(e -> Mono.empty())
              .doFinally(s -> count.incrementAndGet());
        }, 4)
        .subscribe();
  }

  private void dump(String where, Throwable failure) {
    StringBuilder out = new StringBuilder("SOAK FAILURE at " + where + ": " + failure + "\n");
    ((ConnectionPool) connections).getMetrics().ifPresent(m -> out.append(String.format(
        "pool: acquired %d, idle %d, allocated %d, pending %d, max %d%n", m.acquiredSize(),
        m.idleSize(), m.allocatedSize(), m.pendingAcquireSize(), m.getMaxAllocatedSize())));
    String sql = "SELECT pid, state, xact_start, state_change, wait_event_type, wait_event, "
        + "backend_xid, left(query, 200) FROM pg_stat_activity WHERE application_name = '"
        + schema() + "'";
    try {
      List<String> rows = Mono.usingWhen(
              ConnectionFactories.get("r2dbc:postgresql://postgres@127.0.0.1:5432/test").create(),
              c -> Flux.from(c.createStatement(sql).execute())
                  .flatMap(r -> r.map((row, meta) -> {
                    Object[] cells = new Object[meta.getColumnMetadatas().size()];
                    for (int i = 0; i < cells.length; i++) {
                      cells[i] = row.get(i);
                    }
                    return Arrays.toString(cells);
                  })).collectList(),
              c -> c.close())
          .block(Duration.ofSeconds(30));
      out.append("pg_stat_activity:\n");
      rows.forEach(r -> out.append("  ").append(r).append('\n'));
    } catch (RuntimeException e) {
      out.append("pg_stat_activity not read: ").append(e).append('\n');
    }
    LOG.error(out.toString(), failure);
  }
}
