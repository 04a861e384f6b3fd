package io.toasty.example.blog.bench;

import io.toasty.example.blog.BlogApplication;
import io.toasty.example.blog.PostCreate;
import io.toasty.example.blog.Posts;
import io.toasty.example.blog.TaggingCreate;
import io.toasty.example.blog.Taggings;
import io.toasty.example.blog.Tags;
import io.toasty.example.blog.User;
import io.toasty.example.blog.UserCreate;
import io.toasty.example.blog.Users;
import io.toasty.reactive.Db;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code GET /posts} benchmark: the blog's endpoint (Toasty: keyset page of 20 with author
 * and tags) against {@link BaselinePosts} (Spring Data R2DBC, relations loaded by hand), in one
 * application, under {@code clients} concurrent HTTP clients that each walk five pages from the
 * first and start again. Rounds alternate the two endpoints so that drift hits both; before
 * measuring, every page of both is compared. Prints a Markdown table and, with {@code --out},
 * writes it into those files (comma-separated) between {@code <!-- http-posts:start -->} and {@code :end -->}.
 *
 * <pre>
 * mvn -q -pl examples/webflux-blog test-compile exec:java@posts-load \
 *   -Dexec.args="--db h2,postgres --clients 64 --seconds 10 --rounds 3 --out docs/benchmarks.md"
 * </pre>
 */
public final class PostsLoad {
  private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
  private static final String PG = "r2dbc:postgresql://postgres@127.0.0.1:5432/test";

  /** One measurement: an endpoint's requests, failures and latencies (ns) over some seconds. */
  record Sample(String endpoint, long requests, long errors, long[] latencies, double seconds) {
    double perSecond() {
      return requests / seconds;
    }

    double percentileMs(double p) {
      if (latencies.length == 0) {
        return Double.NaN;
      }
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
  }

  /** What to run. */
  record Settings(List<String> dbs, int clients, int seconds, int warmup, int rounds, int posts,
      List<Path> out) {
    static Settings parse(String[] args) {
      Map<String, String> a = new HashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
      }
      return new Settings(List.of(a.getOrDefault("db", "h2").split(",")),
          Integer.parseInt(a.getOrDefault("clients", "64")),
          Integer.parseInt(a.getOrDefault("seconds", "10")),
          Integer.parseInt(a.getOrDefault("warmup", "5")),
          Integer.parseInt(a.getOrDefault("rounds", "3")),
          Integer.parseInt(a.getOrDefault("posts", "2000")),
          a.containsKey("out") ? Arrays.stream(a.get("out").split(",")).map(Path::of).toList()
              : List.of());
    }
  }

  private PostsLoad() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    Settings s = Settings.parse(args);
    StringBuilder table = new StringBuilder()
        .append("| database | endpoint | clients | requests/s | p50 ms | p99 ms | errors |\n")
        .append("|---|---|--:|--:|--:|--:|--:|\n");
    for (String db : s.dbs()) {
      for (Sample sample : run(db, s)) {
        table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.1f | %.1f | %d |%n",
            db, sample.endpoint(), s.clients(), sample.perSecond(), sample.percentileMs(0.5),
            sample.percentileMs(0.99), sample.errors()));
      }
    }
    String section = "Measured " + LocalDate.now() + " on " + Runtime.getRuntime()
        .availableProcessors() + " cores; " + s.posts() + " posts with 3 tags each, "
        + s.rounds() + " alternating rounds of " + s.seconds() + " s per endpoint after a "
        + s.warmup() + " s warm-up of each; client and server in one JVM.\n\n" + table;
    System.out.println(section);
    for (Path file : s.out()) {
      write(file, section);
    }
    System.exit(0); // the server's event loops are not daemons
  }

  /** Both endpoints on one database: parity first, then warm-up and alternating rounds. */
  static List<Sample> run(String db, Settings s) {
    String schema = "toasty_bench_" + UUID.randomUUID().toString().substring(0, 8);
    if (db.equals("postgres")) {
      Admin.sql(PG, "CREATE SCHEMA " + schema);
    }
    String url = db.equals("postgres") ? PG + "?schema=" + schema
        : "r2dbc:h2:mem:///" + schema + "?options=DB_CLOSE_DELAY=-1";
    // as arguments: they override application.properties (builder properties would not)
    ConfigurableApplicationContext app = new SpringApplicationBuilder(BlogApplication.class)
        .run("--server.port=0", "--spring.r2dbc.url=" + url, "--spring.r2dbc.pool.max-size=10",
            "--logging.level.root=WARN", "--toasty.slow-statement-threshold=1h");
    try {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      seed(app.getBean(Db.class), s.posts());
      WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
          .codecs(c -> c.defaultCodecs().maxInMemorySize(1 << 20)).build();
      Parity.check(client);
      measure(client, "/posts", s.clients(), s.warmup());
      measure(client, "/baseline/posts", s.clients(), s.warmup());
      List<Sample> toasty = new ArrayList<>();
      List<Sample> baseline = new ArrayList<>();
      for (int round = 0; round < s.rounds(); round++) {
        toasty.add(measure(client, "/posts", s.clients(), s.seconds()));
        baseline.add(measure(client, "/baseline/posts", s.clients(), s.seconds()));
      }
      return List.of(merge("Toasty (`BlogService.page`)", toasty),
          merge("Spring Data R2DBC + hand-written loading", baseline));
    } finally {
      app.close();
      if (db.equals("postgres")) {
        Admin.sql(PG, "DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  /** {@code posts} posts by 50 authors, each with 3 of 30 tags. */
  static void seed(Db db, int posts) {
    Random random = new Random(7);
    List<UserCreate> authors = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      authors.add(Users.create().name("Author " + i).email("author" + i + "@example.com"));
    }
    List<User> users = Users.createMany(authors).exec(db).block();
    List<Long> tags = Flux.range(0, 30)
        .concatMap(i -> Tags.create().label("tag-" + i).exec(db).map(t -> t.id()))
        .collectList().block();
    Flux.range(0, posts / 100).concatMap(chunk -> {
      List<PostCreate> batch = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        batch.add(Posts.create().authorId(users.get(random.nextInt(users.size())).id())
            .title("Post " + (chunk * 100 + i)).body("Body of post " + (chunk * 100 + i))
            .published(true));
      }
      return Posts.createMany(batch).exec(db).flatMap(created -> {
        List<TaggingCreate> taggings = new ArrayList<>();
        for (var post : created) {
          int first = random.nextInt(tags.size());
          for (int t = 0; t < 3; t++) {
            taggings.add(Taggings.create().postId(post.id())
                .tagId(tags.get((first + t * 7) % tags.size())));
          }
        }
        return Taggings.createMany(taggings).exec(db);
      });
    }).then().block();
  }

  /** {@code clients} clients walking pages of {@code endpoint} for {@code seconds}. */
  static Sample measure(WebClient client, String endpoint, int clients, int seconds) {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong errors = new AtomicLong();
    List<long[]> perClient = Flux.range(0, clients)
        .flatMap(c -> walk(client, endpoint, end, errors), clients)
        .collectList().block();
    long[] all = perClient.stream().flatMapToLong(Arrays::stream).toArray();
    return new Sample(endpoint, all.length, errors.get(), all, seconds);
  }

  /** One client: pages one to five, again and again until {@code end}; its latencies. */
  private static Mono<long[]> walk(WebClient client, String endpoint, long end,
      AtomicLong errors) {
    List<Long> latencies = new ArrayList<>();
    String[] cursor = {null};
    int[] depth = {0};
    return Mono.defer(() -> {
          long start = System.nanoTime();
          String uri = endpoint + "?size=20" + (cursor[0] == null ? "" : "&after=" + cursor[0]);
          return client.get().uri(uri).retrieve().bodyToMono(String.class)
              .doOnNext(body -> {
                latencies.add(System.nanoTime() - start);
                Matcher m = NEXT.matcher(body);
                boolean more = ++depth[0] < 5 && m.find();
                cursor[0] = more ? m.group(1) : null;
                depth[0] = more ? depth[0] : 0;
              })
              .onErrorResume(e -> {
                errors.incrementAndGet();
                cursor[0] = null;
                return Mono.empty();
              });
        })
        .repeat(() -> System.nanoTime() < end)
        .then(Mono.fromSupplier(() -> latencies.stream().mapToLong(Long::longValue).toArray()));
  }

  private static Sample merge(String name, List<Sample> rounds) {
    long[] latencies = rounds.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).toArray();
    return new Sample(name, rounds.stream().mapToLong(Sample::requests).sum(),
        rounds.stream().mapToLong(Sample::errors).sum(), latencies,
        rounds.stream().mapToDouble(Sample::seconds).sum());
  }

  private static void write(Path file, String section) throws IOException {
    String start = "<!-- http-posts:start -->";
    String end = "<!-- http-posts:end -->";
    String text = Files.readString(file);
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalStateException(file + " has no " + start + " … " + end + " section");
    }
    Files.writeString(file, text.substring(0, from + start.length()) + "\n" + section
        + text.substring(to));
  }
}
