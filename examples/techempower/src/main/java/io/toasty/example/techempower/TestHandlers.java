package io.toasty.example.techempower;

import java.util.BitSet;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * TechEmpower's four database tests over one {@link WorldStore}: the same handlers for every
 * implementation, so that only the store differs between them. The queries of one request run
 * concurrently, as the rules allow; each World is read by its own query.
 */
public final class TestHandlers {
  /** The most worlds a request reads: a larger {@code queries} value is clamped to this. */
  public static final int MAX_QUERIES = 500;
  /** Ids and numbers run from 1 to this. */
  public static final int WORLDS = 10_000;

  private final WorldStore store;

  /** Handlers over {@code store}. */
  public TestHandlers(WorldStore store) {
    this.store = store;
  }

  /** {@code /db}: one random World. */
  public Mono<ServerResponse> db(ServerRequest request) {
    return store.world(randomId()).flatMap(TestHandlers::json);
  }

  /** {@code /queries?queries=N}: N random worlds, each by its own query. */
  public Mono<ServerResponse> queries(ServerRequest request) {
    int count = count(request);
    return Flux.range(0, count)
        .flatMap(i -> store.world(randomId()), count)
        .collectList()
        .flatMap(TestHandlers::json);
  }

  /** {@code /fortunes}: every fortune and one more, sorted by message, as an HTML table. */
  public Mono<ServerResponse> fortunes(ServerRequest request) {
    return store.fortunes()
        .flatMap(rows -> ServerResponse.ok().contentType(FortunesPage.CONTENT_TYPE)
            .bodyValue(FortunesPage.render(rows)));
  }

  /**
   * {@code /updates?queries=N}: N random worlds (distinct ids), each read by its own query, given
   * a new random number, stored, and returned as stored.
   */
  public Mono<ServerResponse> updates(ServerRequest request) {
    int[] ids = distinctIds(count(request));
    return Flux.range(0, ids.length)
        .flatMap(i -> store.world(ids[i]), ids.length)
        .map(w -> new World(w.id(), randomId()))
        .collectList()
        .flatMap(worlds -> store.update(worlds).thenReturn(worlds))
        .flatMap(TestHandlers::json);
  }

  private static Mono<ServerResponse> json(Object body) {
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }

  private static int count(ServerRequest request) {
    return QueriesParameter.count(request.queryParam("queries").orElse(null));
  }

  private static int randomId() {
    return ThreadLocalRandom.current().nextInt(1, WORLDS + 1);
  }

  /** {@code count} distinct random ids: one statement must not write a row twice. */
  private static int[] distinctIds(int count) {
    BitSet taken = new BitSet(WORLDS + 1);
    int[] ids = new int[count];
    int n = 0;
    while (n < count) {
      int id = randomId();
      if (!taken.get(id)) {
        taken.set(id);
        ids[n++] = id;
      }
    }
    return ids;
  }
}
