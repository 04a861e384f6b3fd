package io.toasty.example.blog.bench;

import io.toasty.example.blog.BlogApplication;
import io.toasty.example.blog.Posts;
import io.toasty.example.blog.Users;
import io.toasty.reactive.Db;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Latency per kind of request when many clients share the pool: {@code clients} concurrent HTTP
 * clients, an equal share on each of five kinds (a page of posts with author and tags, a post
 * with its relations, a comment: Toasty statements outside a transaction; a new post and a
 * move of a post: {@code @Transactional}, in Spring's transaction), each client sending its
 * kind again and again. With a pool of 10 and hundreds of clients, every request waits for a
 * connection: first come, first served at the {@code Db}'s gate, Spring's transactions
 * included (before they took theirs from the pool directly, past the queue). Prints p50 and p99
 * per kind, and the largest ratio of two kinds' p50.
 *
 * <pre>
 * mvn -q -pl examples/webflux-blog test-compile exec:java@tx-load \
 *   -Dexec.args="--db postgres --clients 256 --seconds 20 --warmup 5"
 * </pre>
 */
public final class TxLoad {
  private static final String PG = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";
  private static final int USERS = 50;

  /** One kind of request: its name and how a client sends one, given a random source. */
  record Kind(String name, Function<Random, Mono<?>> request) {}

  private TxLoad() {}

  /** Runs the probe; see the class comment for the arguments. */
  public static void main(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String db = a.getOrDefault("db", "postgres");
    int clients = Integer.parseInt(a.getOrDefault("clients", "256"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "5"));
    int pool = Integer.parseInt(a.getOrDefault("pool", "10"));
    System.out.println(run(db, clients, seconds, warmup, pool));
    System.exit(0); // the server's event loops are not daemons
  }

  static String run(String db, int clients, int seconds, int warmup, int pool) {
    String schema = "toasty_txload_" + UUID.randomUUID().toString().substring(0, 8);
    if (db.equals("postgres")) {
      Admin.sql(PG, "CREATE SCHEMA " + schema);
    }
    String url = db.equals("postgres") ? PG + "?schema=" + schema
        : "r2dbc:h2:mem:///" + schema + "?options=DB_CLOSE_DELAY=-1";
    ConfigurableApplicationContext app = new SpringApplicationBuilder(BlogApplication.class)
        .run("--server.port=0", "--spring.r2dbc.url=" + url,
            "--spring.r2dbc.pool.max-size=" + pool, "--spring.r2dbc.pool.max-acquire-time=120s",
            "--toasty.acquire-timeout=120s", "--logging.level.root=WARN",
            "--toasty.slow-statement-threshold=1h");
    try {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      Db toasty = app.getBean(Db.class);
      PostsLoad.seed(toasty, 2_000);
      long firstUser = Users.all().stream(toasty).map(u -> u.id()).reduce(Math::min).block();
      long firstPost = Posts.all().stream(toasty).map(p -> p.id()).reduce(Math::min).block();
      WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
          .codecs(c -> c.defaultCodecs().maxInMemorySize(1 << 20)).build();
      List<Kind> kinds = kinds(client, firstUser, firstPost);
      measure(kinds, clients, warmup);
      Map<String, PostsLoad.Sample> samples = measure(kinds, clients, seconds);
      return table(db, clients, seconds, pool, kinds, samples);
    } finally {
      app.close();
      if (db.equals("postgres")) {
        Admin.sql(PG, "DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static List<Kind> kinds(WebClient client, long firstUser, long firstPost) {
    return List.of(
        new Kind("GET /posts?size=20 (page, author, tags)", r -> client.get()
            .uri("/posts?size=20").retrieve().bodyToMono(String.class)),
        new Kind("GET /posts/{id} (author, tags, comments)", r -> client.get()
            .uri("/posts/" + (firstPost + r.nextInt(2_000))).retrieve()
            .bodyToMono(String.class)),
        new Kind("POST /posts/{id}/comments", r -> client.post()
            .uri("/posts/" + (firstPost + r.nextInt(2_000)) + "/comments")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("body", "load"))
            .retrieve().bodyToMono(String.class)),
        new Kind("POST /posts (@Transactional)", r -> client.post().uri("/posts")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("authorId", firstUser + r.nextInt(USERS), "title", "load",
                "body", "b", "tags", List.of("tag-" + r.nextInt(30))))
            .retrieve().bodyToMono(String.class)),
        new Kind("POST /users/{id}/posts/move (@Transactional)", r -> client.post()
            .uri("/users/" + (firstUser + r.nextInt(USERS)) + "/posts/move")
            .contentType(MediaType.APPLICATION_NDJSON)
            .bodyValue("{\"postId\":" + (firstPost + r.nextInt(2_000)) + "}\n")
            .retrieve().bodyToMono(String.class)));
  }

  /** {@code clients} clients for {@code seconds}, client {@code i} sending kind i mod 5. */
  static Map<String, PostsLoad.Sample> measure(List<Kind> kinds, int clients, int seconds) {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    for (Kind kind : kinds) {
      latencies.put(kind.name(), new ConcurrentLinkedQueue<>());
      errors.put(kind.name(), new AtomicLong());
    }
    Flux.range(0, clients).flatMap(c -> {
      Kind kind = kinds.get(c % kinds.size());
      Random random = new Random(c);
      return Mono.defer(() -> {
        long start = System.nanoTime();
        return kind.request().apply(random)
            .doOnSuccess(body -> latencies.get(kind.name()).add(System.nanoTime() - start))
            .onErrorResume(e -> {
              errors.get(kind.name()).incrementAndGet();
              return Mono.empty();
            });
      }).repeat(() -> System.nanoTime() < end).then();
    }, clients).blockLast();
    Map<String, PostsLoad.Sample> samples = new HashMap<>();
    for (Kind kind : kinds) {
      long[] all = latencies.get(kind.name()).stream().mapToLong(Long::longValue).toArray();
      samples.put(kind.name(), new PostsLoad.Sample(kind.name(), all.length,
          errors.get(kind.name()).get(), all, seconds));
    }
    return samples;
  }

  private static String table(String db, int clients, int seconds, int pool, List<Kind> kinds,
      Map<String, PostsLoad.Sample> samples) {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%s, pool %d, %d clients (%d per kind), %d s, %d cores%n%n", db, pool, clients,
        clients / kinds.size(), seconds, Runtime.getRuntime().availableProcessors()))
        .append("| request | requests/s | p50 ms | p99 ms | errors |\n")
        .append("|---|--:|--:|--:|--:|\n");
    List<Double> medians = new ArrayList<>();
    for (Kind kind : kinds) {
      PostsLoad.Sample s = samples.get(kind.name());
      medians.add(s.percentileMs(0.5));
      table.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %d |%n", kind.name(),
          s.perSecond(), s.percentileMs(0.5), s.percentileMs(0.99), s.errors()));
    }
    double[] sorted = medians.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    table.append(String.format(Locale.ROOT, "%nlargest p50 over smallest p50: %.2f%n",
        sorted[sorted.length - 1] / sorted[0]));
    return table.toString();
  }
}
