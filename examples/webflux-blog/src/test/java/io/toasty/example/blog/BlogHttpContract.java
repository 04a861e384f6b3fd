package io.toasty.example.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The blog over HTTP: the real Netty server on a random port, driven with WebTestClient. Every
 * bad request gets a 4xx, though the controller handles no error, checks no required field and
 * looks nothing up first: Toasty's errors are the starter's problem details. One subclass per
 * database; BlockHound watches every test (the blockhound-junit-platform listener on the test
 * class path).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BlogHttpContract {
  private static final AtomicInteger SEQ = new AtomicInteger();
  /** How many times each reset test resets a request. */
  private static final int RESETS = 30;
  /** How long a blocking step may wait: a hang fails the test instead of holding the build. */
  private static final Duration WAIT = Duration.ofSeconds(60);
  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  WebTestClient http;

  @Autowired
  ConnectionFactory connections;

  @LocalServerPort
  int port;

  /** A loaded 2-core machine can take seconds over a cold request: wait, but not for ever. */
  @org.junit.jupiter.api.BeforeEach
  void patientClient() {
    http = http.mutate().responseTimeout(WAIT).build();
  }

  static String unique(String prefix) {
    return prefix + "-" + SEQ.incrementAndGet() + "-" + System.nanoTime();
  }

  long createUser(String name) {
    JsonNode user = postJson("/users", Map.of("name", name, "email",
        unique(name) + "@example.com"), 201);
    return user.get("id").asLong();
  }

  long createPost(long author, String title, List<String> tags) {
    return postJson("/posts", Map.of("authorId", author, "title", title, "body", "text",
        "tags", tags), 201).get("id").asLong();
  }

  JsonNode postJson(String path, Object body, int status) {
    byte[] out = http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange().expectStatus().isEqualTo(status).expectBody().returnResult()
        .getResponseBody();
    return read(out);
  }

  WebTestClient.ResponseSpec postRaw(String path, String body) {
    return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange();
  }

  JsonNode getJson(String path, int status) {
    return read(http.get().uri(path).exchange().expectStatus().isEqualTo(status).expectBody()
        .returnResult().getResponseBody());
  }

  private JsonNode read(byte[] body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + new String(body), e);
    }
  }

  @Test
  void createsAUser() {
    String email = unique("ann") + "@example.com";
    JsonNode user = postJson("/users", Map.of("name", "Ann", "email", email), 201);
    assertThat(user.get("name").asText()).isEqualTo("Ann");
    assertThat(getJson("/users/" + user.get("id").asLong(), 200).get("email").asText())
        .isEqualTo(email);
  }

  @Test
  void aTakenEmailIs409() {
    String taken = unique("bo");
    postJson("/users", Map.of("name", "Bo", "email", taken + "@example.com"), 201);
    JsonNode problem = postJson("/users", Map.of("name", "Bo2", "email",
        taken.toUpperCase(Locale.ROOT) + "@example.com"), 409);
    assertThat(problem.get("code").asText()).isEqualTo("unique_violation");
    assertThat(problem.get("field").asText()).isEqualTo("email");
    assertThat(problem.toString()).as("the taken value is not echoed").doesNotContain(taken);
  }

  @Test
  void malformedJsonIs400() {
    postRaw("/users", "{\"name\": \"x\", ").expectStatus().isBadRequest();
  }

  /** Toasty's refusal of a required field left unset, as the starter's problem detail. */
  @Test
  void aMissingFieldIs400NamingIt() {
    postRaw("/users", "{\"email\": \"no-name@example.com\"}").expectStatus().isBadRequest()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code").isEqualTo("missing_value")
        .jsonPath("$.model").isEqualTo("User")
        .jsonPath("$.field").isEqualTo("name")
        .jsonPath("$.detail").isEqualTo("User.name: a value is required");
  }

  @Test
  void aPostWithoutItsAuthorIs400() {
    postRaw("/posts", "{\"title\": \"t\", \"body\": \"b\"}").expectStatus().isBadRequest();
  }

  @Test
  void anOversizedFieldIs400() {
    postJson("/users", Map.of("name", "n".repeat(101), "email", "long@example.com"), 400);
  }

  @Test
  void aNulByteIs400() {
    postRaw("/users", "{\"name\": \"a\\u0000b\", \"email\": \"nul@example.com\"}")
        .expectStatus().isBadRequest();
  }

  @Test
  void aWrongTypeIs400() {
    postRaw("/posts", "{\"authorId\": \"abc\", \"title\": \"t\", \"body\": \"b\"}")
        .expectStatus().isBadRequest();
  }

  @Test
  void anOversizedBodyIs413() {
    postRaw("/users", "{\"name\": \"" + "x".repeat(70_000) + "\", \"email\": \"e@x.org\"}")
        .expectStatus().isEqualTo(413);
  }

  @Test
  void anUnknownUserIs404() {
    JsonNode problem = getJson("/users/987654321", 404);
    assertThat(problem.get("code").asText()).isEqualTo("not_found");
    assertThat(problem.get("model").asText()).isEqualTo("User");
  }

  @Test
  void aNonNumericIdIs400() {
    http.get().uri("/users/abc").exchange().expectStatus().isBadRequest();
  }

  @Test
  void aPostComesBackWithItsAuthorAndTags() {
    long author = createUser("Cy");
    JsonNode post = postJson("/posts", Map.of("authorId", author, "title", "Hello",
        "body", "First", "tags", List.of("java", "Reactor")), 201);
    assertThat(post.get("author").get("name").asText()).isEqualTo("Cy");
    assertThat(post.get("tags").findValuesAsText("label"))
        .containsExactlyInAnyOrder("java", "reactor");
    assertThat(post.get("published").asBoolean()).isFalse();
  }

  @Test
  void aPostByAnUnknownAuthorIs409AndWritesNothing() {
    String title = unique("orphan");
    JsonNode problem = postJson("/posts", Map.of("authorId", 987654321, "title", title,
        "body", "b", "tags", List.of("orphan-tag")), 409);
    assertThat(problem.get("code").asText()).isEqualTo("foreign_key_violation");
    assertThat(problem.get("model").asText()).isEqualTo("Post");
    assertThat(problem.get("field").asText()).isEqualTo("authorId");
    http.get().uri(u -> u.path("/posts/search").queryParam("q", title).build()).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
  }

  @Test
  void aBadTagIs400() {
    long author = createUser("Di");
    postJson("/posts", Map.of("authorId", author, "title", "t", "body", "b",
        "tags", List.of("no spaces")), 400);
  }

  @Test
  void pagesOfPostsNewestFirstWithAuthorAndTags() {
    long author = createUser("Ed");
    createPost(author, "page-1", List.of("paging"));
    createPost(author, "page-2", List.of("paging"));
    long newest = createPost(author, "page-3", List.of("paging", "latest"));
    JsonNode first = getJson("/posts?size=2", 200);
    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("items").get(0).get("id").asLong()).isEqualTo(newest);
    assertThat(first.get("items").get(0).get("author").get("name").asText()).isEqualTo("Ed");
    assertThat(first.get("items").get(0).get("tags")).hasSize(2);
    assertThat(first.get("previous").isNull()).isTrue();
    String next = first.get("next").asText();
    JsonNode second = getJson("/posts?size=2&after=" + next, 200);
    assertThat(second.get("items").get(0).get("id").asLong())
        .isLessThan(first.get("items").get(1).get("id").asLong());
    assertThat(second.get("items").get(0).get("title").asText()).isEqualTo("page-1");
    JsonNode back = getJson("/posts?size=2&before=" + second.get("previous").asText(), 200);
    assertThat(back.get("items")).isEqualTo(first.get("items"));
  }

  /** One request's parameters filter the posts and page them. */
  @Test
  void pagesOfOneAuthorsPostsFromOneRequestsParameters() {
    long mine = createUser("Fay");
    long other = createUser("Gil");
    long first = createPost(mine, "fay-1", List.of());
    createPost(other, "gil-1", List.of());
    long second = createPost(mine, "fay-2", List.of());
    JsonNode page = getJson("/posts?authorId=" + mine + "&size=1", 200);
    assertThat(page.get("items").findValuesAsText("title")).containsExactly("fay-2");
    assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(second);
    JsonNode next = getJson("/posts?authorId=" + mine + "&size=1&after="
        + page.get("next").asText(), 200);
    assertThat(next.get("items").get(0).get("id").asLong()).isEqualTo(first);
    assertThat(next.get("next").isNull()).isTrue();
    JsonNode drafts = getJson("/posts?authorId=" + other + "&published=false&size=5", 200);
    assertThat(drafts.get("items").findValuesAsText("title")).containsExactly("gil-1");
  }

  @Test
  void aParameterThatIsNoFilterIs400NamingIt() {
    JsonNode problem = getJson("/posts?size=2&colour=red", 400);
    assertThat(problem.get("code").asText()).isEqualTo("invalid_filter");
    assertThat(problem.get("path").asText()).isEqualTo("$.filter.colour");
    getJson("/posts?size=2&title=secret", 400); // a field of the model, but not an allowed filter
  }

  @Test
  void aBadCursorIs400() {
    long author = createUser("Gus");
    createPost(author, "cursor-1", List.of());
    createPost(author, "cursor-2", List.of());
    String next = getJson("/posts?size=1", 200).get("next").asText();
    String altered = next.substring(0, next.length() - 1) + (next.endsWith("A") ? "B" : "A");
    getJson("/posts?size=1&after=" + altered, 400);
    getJson("/posts?size=1&after=" + next.substring(0, next.length() / 2), 400);
    getJson("/posts?size=1&before=not-a-cursor", 400);
    getJson("/posts?size=1&after=" + next + "&before=" + next, 400);
  }

  /**
   * A keep-alive connection keeps answering after requests that were queued and answered
   * synchronously (reactor-netty #4361: it used to stop reading, and the third request waited
   * until the client gave up).
   */
  @Test
  void aKeepAliveConnectionKeepsAnsweringAfterQueuedErrors() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(KeepAliveContract.threeOnOneConnection(port, "/posts?size=1",
          "/posts?size=0")).containsExactly(200, 400, 400);
    }
  }

  @Test
  void aPageSizeOutOfRangeIs400() {
    getJson("/posts?size=0", 400);
    getJson("/posts?size=101", 400);
  }

  @Test
  void searchFindsTitlesIgnoringCase() {
    long author = createUser("Flo");
    String word = unique("needle");
    createPost(author, "A " + word.toUpperCase() + " here", List.of());
    http.get().uri(u -> u.path("/posts/search").queryParam("q", word).build()).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1)
        .jsonPath("$[0].author.name").isEqualTo("Flo");
  }

  @Test
  void aWildcardInSearchIs400() {
    http.get().uri("/posts/search?q=%25").exchange().expectStatus().isBadRequest();
    http.get().uri("/posts/search?q=a_b").exchange().expectStatus().isBadRequest();
  }

  @Test
  void aNulByteInSearchIs400() {
    http.get().uri("/posts/search?q=a%00b").exchange().expectStatus().isBadRequest();
  }

  @Test
  void anEmptySearchIs400() {
    http.get().uri("/posts/search?q=").exchange().expectStatus().isBadRequest();
    http.get().uri("/posts/search").exchange().expectStatus().isBadRequest();
  }

  @Test
  void aCommentShowsOnItsPost() {
    long post = createPost(createUser("Gus"), "commented", List.of());
    postJson("/posts/" + post + "/comments", Map.of("body", "Nice"), 201);
    JsonNode read = getJson("/posts/" + post, 200);
    assertThat(read.get("comments").findValuesAsText("body")).containsExactly("Nice");
  }

  @Test
  void aCommentOnAnUnknownPostIs404() {
    postJson("/posts/987654321/comments", Map.of("body", "Nice"), 404);
  }

  @Test
  void publishingIsOnceAndRecorded() {
    long post = createPost(createUser("Hal"), "draft", List.of());
    JsonNode published = postJson("/posts/" + post + "/publish", Map.of(), 200);
    assertThat(published.get("published").asBoolean()).isTrue();
    assertThat(published.get("comments").findValuesAsText("body")).containsExactly("published");
    postJson("/posts/" + post + "/publish", Map.of(), 409);
    assertThat(getJson("/posts/" + post, 200).get("comments")).hasSize(1);
  }

  @Test
  void publishingAnUnknownPostIs404() {
    postJson("/posts/987654321/publish", Map.of(), 404);
  }

  @Test
  void theExportStreamsNdjson() {
    long author = createUser("Ida");
    long post = createPost(author, "exported", List.of("export"));
    List<Post> all = http.get().uri("/export/posts").accept(MediaType.APPLICATION_NDJSON)
        .exchange().expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
        .returnResult(Post.class).getResponseBody().collectList().block(WAIT);
    Post mine = all.stream().filter(p -> p.id() == post).findFirst().orElseThrow();
    assertThat(mine.title()).isEqualTo("exported");
    assertThat(mine.tags().isLoaded()).isFalse(); // reading leaves relations unloaded
  }

  @Test
  void anUnloadedRelationIsLeftOutOfTheJson() {
    JsonNode user = getJson("/users/" + createUser("Jo"), 200);
    assertThat(user.has("posts")).isFalse();
  }

  @Test
  void healthMakesARoundTrip() {
    http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.components.toasty.status").isEqualTo("UP");
  }

  @Test
  void cancelledRequestsLeaveNothingHalfWritten() {
    long author = createUser("Kim");
    List<String> tags = List.of("cancel-a", "cancel-b", "cancel-c");
    createPost(author, "cancel-seed", tags); // the tags exist: no request races to create them
    WebClient client = WebClient.create("http://127.0.0.1:" + port);
    Random random = new Random(42);
    String prefix = unique("cancel");
    AtomicInteger answered = new AtomicInteger();
    Flux.range(0, 60)
        .flatMap(i -> client.post().uri("/posts").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("authorId", author, "title", prefix + "-" + i, "body", "b",
                "tags", tags))
            .retrieve().bodyToMono(String.class)
            .doOnNext(body -> answered.incrementAndGet())
            // give up after a random moment: the server sees the connection close mid-flight
            .timeout(Duration.ofMillis(random.nextInt(40)), Mono.empty())
            .onErrorResume(e -> Mono.empty()), 16)
        .blockLast(WAIT);
    assertThat(answered.get()).as("requests answered before their cancel").isLessThan(60);
    awaitIdlePool();
    List<Post> written = http.get().uri("/export/posts").exchange().expectStatus().isOk()
        .returnResult(Post.class).getResponseBody()
        .filter(p -> p.title().startsWith(prefix + "-")).collectList().block(WAIT);
    for (Post post : written) {
      JsonNode read = getJson("/posts/" + post.id(), 200);
      assertThat(read.get("tags")).as("tags of " + post.title()).hasSize(3);
    }
  }

  @Test
  void blockHoundWatchesThisJvm() {
    Mono<Integer> blocking = Mono.fromCallable(() -> {
      Thread.sleep(1);
      return 1;
    }).subscribeOn(Schedulers.parallel());
    Assertions.assertThatThrownBy(blocking::block)
        .hasCauseInstanceOf(BlockingOperationError.class);
  }

  /**
   * A client that resets its connection mid-upload leaves nothing of the import: 30 times, an
   * NDJSON import of 5,000 posts is reset once the server's transaction has written its first
   * chunk of rows (1,500 lines sent), and neither a post nor the user's count is left. The
   * reset reaches the handler as a checked IOException, on which Spring's own rule commits; the
   * starter's rolls back. The whole upload then commits, posts and count together.
   */
  @Test
  void aResetMidImportLeavesNothing() throws Exception {
    List<String> lines = IntStream.range(0, 5_000)
        .mapToObj(i -> "{\"title\":\"imported " + i + "\",\"body\":\"b\"}").toList();
    List<String> halfDone = new ArrayList<>();
    long user = createUser("Imp");
    for (int i = 0; i < RESETS; i++) {
      ResetUpload.resetMidway(port, "/users/" + user + "/posts/import", lines, 1_500,
          this::uncommittedWrites);
      awaitNoTransaction();
      assertNoSessionLeftInATransaction();
      long posts = postsOf(user);
      long count = postCount(user);
      if (posts != 0 || count != 0) {
        halfDone.add("reset " + i + ": " + posts + " posts, post_count " + count + " in all");
      }
    }
    assertThat(halfDone).as("imports reset mid-upload that left something").isEmpty();
    assertThat(ndjson("/users/" + user + "/posts/import", lines).get("imported").asLong())
        .isEqualTo(lines.size());
    assertThat(postsOf(user)).isEqualTo(lines.size());
    assertThat(postCount(user)).isEqualTo(lines.size());
  }

  /**
   * A client that resets its connection mid-way through a transactional move leaves every post
   * where it was: 30 times, a move of 300 posts to another user is reset once the server has
   * moved some of them (20 lines sent); both users keep their posts and counts. A whole move
   * then moves posts and counts together.
   */
  @Test
  void aResetMidMoveMovesNothing() throws Exception {
    long from = createUser("Mov");
    long to = createUser("Mov");
    List<String> posts = IntStream.range(0, 300)
        .mapToObj(i -> "{\"title\":\"moved " + i + "\",\"body\":\"b\"}").toList();
    ndjson("/users/" + from + "/posts/import", posts);
    List<String> lines = postIds(from).stream().map(id -> "{\"postId\":" + id + "}").toList();
    assertThat(lines).hasSize(300);
    List<String> halfDone = new ArrayList<>();
    for (int i = 0; i < RESETS; i++) {
      ResetUpload.resetMidway(port, "/users/" + to + "/posts/move", lines, 20,
          this::uncommittedWrites);
      awaitNoTransaction();
      assertNoSessionLeftInATransaction();
      List<Long> counts = List.of(postsOf(from), postCount(from), postsOf(to), postCount(to));
      if (!counts.equals(List.of(300L, 300L, 0L, 0L))) {
        halfDone.add("reset " + i + ": posts and post_count of each user " + counts);
      }
    }
    assertThat(halfDone).as("moves reset mid-way that moved something").isEmpty();
    assertThat(ndjson("/users/" + to + "/posts/move", lines.subList(0, 10)).get("moved")
        .asLong()).isEqualTo(10);
    assertThat(List.of(postsOf(from), postCount(from), postsOf(to), postCount(to)))
        .containsExactly(290L, 290L, 10L, 10L);
  }

  /**
   * A query of one count: the application's sessions whose transaction holds writes not yet
   * committed (their uncommitted rows are invisible to other sessions).
   */
  /**
   * Counts the example's sessions listening to a change stream; empty where the backend has no
   * change streams (the endpoint is then refused with 501, Feature CHANGE_STREAMS).
   */
  abstract java.util.Optional<String> listenersQuery();

  /**
   * GET /posts/changes over real HTTP: one client follows the server-sent events while another
   * creates, publishes (an update) and deletes a post through the API; the first sees the three
   * changes of that post in order. Disconnecting ends the stream: its listening session closes.
   */
  @Test
  void aClientFollowsThePostsChangesAsServerSentEvents() {
    WebClient client = WebClient.create("http://127.0.0.1:" + port);
    if (listenersQuery().isEmpty()) {
      http.get().uri("/posts/changes").accept(MediaType.TEXT_EVENT_STREAM).exchange()
          .expectStatus().isEqualTo(501);
      return;
    }
    java.util.concurrent.atomic.AtomicReference<reactor.core.Disposable> following =
        new java.util.concurrent.atomic.AtomicReference<>();
    Events events = new Events(client.get().uri("/posts/changes")
        .accept(MediaType.TEXT_EVENT_STREAM).retrieve()
        .bodyToFlux(new org.springframework.core.ParameterizedTypeReference<
            org.springframework.http.codec.ServerSentEvent<JsonNode>>() {})
        .map(e -> e.data())
        .replay().autoConnect(0, following::set));
    try {
      assertThat(events.next().get("kind").asText()).isEqualTo("LISTENING");
      assertThat(listeners()).as("the stream's listening session").isEqualTo(1);
      long author = createUser("Sse");
      long post = createPost(author, "live", List.of());
      JsonNode created = events.nextOf(post);
      assertThat(created.get("kind").asText()).isEqualTo("CREATED");
      assertThat(created.get("post").get("title").asText()).isEqualTo("live");
      postJson("/posts/" + post + "/publish", Map.of(), 200);
      JsonNode updated = events.nextOf(post);
      assertThat(updated.get("kind").asText()).isEqualTo("UPDATED");
      assertThat(updated.get("post").get("published").asBoolean()).isTrue();
      http.delete().uri("/posts/" + post).exchange().expectStatus().isNoContent();
      JsonNode deleted = events.nextOf(post);
      assertThat(deleted.get("kind").asText()).isEqualTo("DELETED");
      assertThat(deleted.path("post").isNull() || deleted.path("post").isMissingNode())
          .as("a delete has no post").isTrue();
      assertThat(deleted.get("position").asLong()).as("positions rise")
          .isGreaterThan(updated.get("position").asLong());
    } finally {
      following.get().dispose();
    }
    Mono.defer(this::countListeners).filter(n -> n == 0)
        .repeatWhenEmpty(Integer.MAX_VALUE, r -> r.delayElements(Duration.ofMillis(20)))
        .block(WAIT);
    assertThat(listeners()).as("the listening session closed with the client").isZero();
  }

  private long listeners() {
    return countListeners().block(WAIT);
  }

  private Mono<Long> countListeners() {
    return sql(listenersQuery().orElseThrow()).map(row -> row.get(0, Long.class)).one();
  }

  /** The events of one client's stream, read in order on the test's thread. */
  private static final class Events {
    private final Flux<JsonNode> all;
    private long read;

    Events(Flux<JsonNode> all) {
      this.all = all;
    }

    JsonNode next() {
      JsonNode e = all.elementAt(Math.toIntExact(read++)).block(WAIT);
      assertThat(e).as("event " + read).isNotNull();
      return e;
    }

    /** The next event of {@code post}, skipping other tests' posts. */
    JsonNode nextOf(long post) {
      JsonNode e = next();
      while (e.path("id").asLong(-1) != post) {
        assertThat(e.get("kind").asText()).as("no change missed").isNotEqualTo("GAP");
        e = next();
      }
      return e;
    }
  }

  abstract String uncommittedWritesQuery();

  /**
   * A query of one count: the application's sessions inside a transaction while no statement of
   * theirs runs (a connection back in the pool must be outside one).
   */
  abstract String sessionsInATransactionQuery();

  /**
   * Once the request's connection is back in the pool, no session of the example stays inside a
   * transaction: asked again every 5 ms while one does (a rollback on release may still be on
   * its way), for up to a minute; one that stays is a transaction that outlived its request.
   */
  private void assertNoSessionLeftInATransaction() {
    Long open = Mono.defer(() -> sql(sessionsInATransactionQuery())
            .map(row -> row.get(0, Long.class)).one())
        .repeatWhen(r -> r.delayElements(Duration.ofMillis(5)))
        .takeUntil(n -> n == 0)
        .take(WAIT)
        .blockLast(WAIT.plusSeconds(5));
    assertThat(open).as("sessions of the example left inside a transaction").isZero();
  }

  private boolean uncommittedWrites() {
    return sql(uncommittedWritesQuery()).map(row -> row.get(0, Long.class)).one()
        .block(WAIT) > 0;
  }

  /** Waits until the reset request's transaction has ended, committed or rolled back. */
  private void awaitNoTransaction() {
    Mono.fromSupplier(() -> ((ConnectionPool) connections).getMetrics().orElseThrow()
            .acquiredSize())
        .filter(n -> n == 0)
        .repeatWhenEmpty(Integer.MAX_VALUE, r -> r.delayElements(Duration.ofMillis(2)))
        .block(WAIT);
    Mono.fromSupplier(this::uncommittedWrites).filter(open -> !open)
        .repeatWhenEmpty(Integer.MAX_VALUE, r -> r.delayElements(Duration.ofMillis(5)))
        .block(WAIT);
  }

  private long postsOf(long user) {
    return sql("SELECT COUNT(*) FROM \"posts\" WHERE \"author_id\" = :user")
        .bind("user", user).map(row -> row.get(0, Long.class)).one().block(WAIT);
  }

  private long postCount(long user) {
    return sql("SELECT \"post_count\" FROM \"users\" WHERE \"id\" = :user")
        .bind("user", user).map(row -> row.get(0, Long.class)).one().block(WAIT);
  }

  private List<Long> postIds(long user) {
    return sql("SELECT \"id\" FROM \"posts\" WHERE \"author_id\" = :user ORDER BY \"id\"")
        .bind("user", user).map(row -> row.get(0, Long.class)).all().collectList().block(WAIT);
  }

  private DatabaseClient.GenericExecuteSpec sql(String sql) {
    return DatabaseClient.create(connections).sql(sql);
  }

  /** POSTs {@code lines} as one NDJSON body, expecting a 200 with a JSON object. */
  private JsonNode ndjson(String path, List<String> lines) {
    return read(http.post().uri(path).contentType(MediaType.APPLICATION_NDJSON)
        .bodyValue(String.join("\n", lines) + "\n").exchange().expectStatus().isOk()
        .expectBody().returnResult().getResponseBody());
  }

  /** Waits until no connection is in use: every cancelled request's rollback has run. */
  private void awaitIdlePool() {
    ConnectionPool pool = (ConnectionPool) connections;
    Mono.fromSupplier(() -> pool.getMetrics().orElseThrow().acquiredSize())
        .filter(n -> n == 0)
        .repeatWhenEmpty(Integer.MAX_VALUE, r -> r.delayElements(Duration.ofMillis(20)))
        .block(WAIT);
  }
}
