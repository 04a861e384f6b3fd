package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.reactive.Db;
import io.toasty.reactive.Tx;
import io.toasty.spring.app.Authors;
import io.toasty.spring.app.Revisions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The starter at the HTTP edge: {@link WebApp}'s handlers, which handle no error, validate
 * nothing and check no existence, answer each failure with the problem detail of its category
 * (status, {@code Retry-After} where due, type, title, code, model and field; no stored value in
 * any body), write and read polymorphic JSON with its tags, and read filters and pages from one
 * request's parameters. The real Netty server at a random port, on a real database: one subclass
 * per database (H2, PostgreSQL; the failures the database raises differ).
 */
abstract class WebContract extends DatabaseContract {
  /** A hang guard, never a measure: a loaded 2-core machine can take seconds. */
  private static final Duration GUARD = Duration.ofMinutes(2);
  private static final AtomicInteger SEQ = new AtomicInteger();

  private ConfigurableApplicationContext app;
  private WebTestClient http;
  private Db db;

  /** The pool's size: {@link #anExhaustedPoolIs503WithRetryAfter} holds every connection. */
  private static final int POOL = 3;

  @BeforeAll
  void start() {
    // a small pool whose exhaustion a request notices soon: the Db waits 3 s, not Boot's 60
    app = start("--toasty.schema=push", "--spring.r2dbc.pool.initial-size=0",
        "--spring.r2dbc.pool.max-size=" + POOL, "--spring.r2dbc.pool.max-acquire-time=60s",
        "--toasty.acquire-timeout=3s");
    warm(app.getBean(ConnectionFactory.class));
    db = app.getBean(Db.class);
    http = client(app);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  /**
   * Opens every connection of the pool once, through the pool's own wait: the Db's short wait
   * then never includes making a connection, which a loaded machine can take seconds over.
   */
  private static void warm(ConnectionFactory pool) {
    List<Connection> all = new ArrayList<>();
    for (int i = 0; i < POOL; i++) {
      all.add(Mono.from(pool.create()).block(GUARD));
    }
    all.forEach(c -> Mono.from(c.close()).block(GUARD));
  }

  private ConfigurableApplicationContext start(String... more) {
    List<String> args = new ArrayList<>(List.of("--server.port=0",
        "--spring.main.web-application-type=reactive", "--spring.r2dbc.url=" + url(),
        "--test.endless-query=" + backend().endlessQuery()));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(WebApp.class).run(args.toArray(String[]::new));
  }

  private static WebTestClient client(ConfigurableApplicationContext context) {
    String port = context.getEnvironment().getRequiredProperty("local.server.port");
    return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(GUARD).build();
  }

  private static String unique(String prefix) {
    return prefix + "-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString()
        .substring(0, 8);
  }

  private WebTestClient.ResponseSpec post(String path, String json) {
    return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json)
        .exchange();
  }

  /** The problem detail of a response of {@code status}, checked for its common members. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> problem(WebTestClient.ResponseSpec response, int status) {
    Map<String, Object> body = response.expectStatus().isEqualTo(status)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(body).containsEntry("status", status).containsKey("title").containsKey("code")
        .containsKey("category");
    // RFC 9457: an absent type is about:blank (Spring 7 leaves it out, Spring 6 writes it)
    assertThat(body.getOrDefault("type", "about:blank")).isEqualTo("about:blank");
    return body;
  }

  private long author(String email) {
    return ((Number) post("/authors", "{\"name\":\"n\",\"email\":\"" + email + "\"}")
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("id"))
        .longValue();
  }

  @Test
  void aMissingRequiredValueIs400NamingTheField() {
    Map<String, Object> p = problem(post("/authors", "{\"name\":\"no email\"}"), 400);
    assertThat(p).containsEntry("title", "Bad Request").containsEntry("code", "missing_value")
        .containsEntry("category", "invalid_input").containsEntry("model", "Author")
        .containsEntry("field", "email")
        .containsEntry("detail", "Author.email: a value is required");
  }

  @Test
  void valuesOutOfRangeAre400NamingTheField() {
    Map<String, Object> surrogate = problem(post("/authors",
        "{\"name\":\"a\\ud800b\",\"email\":\"" + unique("s") + "@x.org\"}"), 400);
    assertThat(surrogate).containsEntry("code", "out_of_range").containsEntry("model", "Author")
        .containsEntry("field", "name").containsEntry("detail", "Author.name: a value is out of range");
    Map<String, Object> far = problem(post("/activities", "{\"type\":\"created\",\"id\":\""
        + UUID.randomUUID() + "\",\"task\":\"far\",\"at\":\"+1000000000-12-31T23:59:59Z\"}"),
        400);
    assertThat(far).containsEntry("code", "out_of_range").containsEntry("field", "at");
    // PostgreSQL's text holds no NUL; H2's does, and stores it as sent
    String nul = "{\"name\":\"a\\u0000b\",\"email\":\"" + unique("nul") + "@x.org\"}";
    if (backend() == Backend.POSTGRESQL) {
      assertThat(problem(post("/authors", nul), 400)).containsEntry("code", "out_of_range")
          .containsEntry("field", "name");
    } else {
      post("/authors", nul).expectStatus().isOk().expectBody()
          .jsonPath("$.name").isEqualTo("a\u0000b");
    }
  }

  @Test
  void anUnknownRecordIs404() {
    Map<String, Object> p = problem(http.get().uri("/authors/987654321").exchange(), 404);
    assertThat(p).containsEntry("title", "Not Found").containsEntry("code", "not_found")
        .containsEntry("category", "not_found").containsEntry("model", "Author")
        .containsEntry("detail", "Author: no such record");
  }

  @Test
  void aTakenUniqueValueIs409WithoutTheValue() {
    String taken = unique("taken") + "@example.com";
    author(taken);
    Map<String, Object> p = problem(post("/authors",
        "{\"name\":\"again\",\"email\":\"" + taken + "\"}"), 409);
    assertThat(p).containsEntry("title", "Conflict").containsEntry("code", "unique_violation")
        .containsEntry("category", "conflict").containsEntry("field", "email");
    assertThat(p.toString()).doesNotContain(taken);
  }

  @Test
  void aReferenceToAMissingRecordIs409() {
    String title = unique("orphan");
    Map<String, Object> p = problem(post("/articles",
        "{\"authorId\":987654321,\"title\":\"" + title + "\"}"), 409);
    assertThat(p).containsEntry("code", "foreign_key_violation")
        .containsEntry("category", "conflict").containsEntry("model", "Article");
    assertThat(p.toString()).doesNotContain(title);
  }

  @Test
  void aStaleVersionIs409() {
    @SuppressWarnings("unchecked")
    Map<String, Object> read = post("/revisions", "{\"text\":\"first\"}").expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    String update = "{\"id\":" + read.get("id") + ",\"version\":" + read.get("version")
        + ",\"text\":\"%s\"}";
    post("/revisions", "{\"text\":\"other\"}").expectStatus().isOk();
    http.put().uri("/revisions").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(update.formatted("second")).exchange().expectStatus().isOk();
    Map<String, Object> p = problem(http.put().uri("/revisions")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(update.formatted("lost")).exchange(),
        409);
    assertThat(p).containsEntry("code", "stale_record").containsEntry("model", "Revision");
    assertThat(p.toString()).doesNotContain("second").doesNotContain("first");
  }

  @Test
  void aChangeAtTheVersionReadIsAppliedOnceThenStaleNamingTheStoredVersion() {
    @SuppressWarnings("unchecked")
    Map<String, Object> read = post("/revisions", "{\"text\":\"first\"}").expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    Object id = read.get("id");
    long version = ((Number) read.get("version")).longValue();
    String change = "{\"version\":" + version + ",\"text\":\"%s\"}";
    http.patch().uri("/revisions/" + id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(change.formatted("second")).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.version").isEqualTo(version + 1)
        .jsonPath("$.text").isEqualTo("second");
    Map<String, Object> p = problem(http.patch().uri("/revisions/" + id)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(change.formatted("lost")).exchange(),
        409);
    assertThat(p).containsEntry("code", "stale_record").containsEntry("model", "Revision")
        .containsEntry("storedVersion", (int) (version + 1));
    assertThat(p.toString()).doesNotContain("second").doesNotContain("lost");
    problem(http.patch().uri("/revisions/987654321").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(change.formatted("none")).exchange(), 404);
    assertThat(Revisions.getById(db, ((Number) id).longValue()).block(GUARD).text())
        .isEqualTo("second");
  }

  @Test
  void aRowLockedElsewhereIs409() {
    long id = author(unique("locked") + "@example.com");
    Tx holder = db.begin().block(GUARD);
    try {
      Authors.filterById(id).forUpdate().first(holder).block(GUARD);
      Map<String, Object> p = problem(http.get().uri("/authors/" + id + "/locked").exchange(),
          409);
      assertThat(p).containsEntry("code", "lock_timeout").containsEntry("category", "conflict");
    } finally {
      holder.rollback().block(GUARD);
    }
    http.get().uri("/authors/" + id + "/locked").exchange().expectStatus().isOk();
  }

  @Test
  void aStatementPastItsTimeoutIs504WithoutRetryAfter() {
    WebTestClient.ResponseSpec response = http.get().uri("/slow").exchange();
    response.expectHeader().doesNotExist("Retry-After");
    Map<String, Object> p = problem(response, 504);
    assertThat(p).containsEntry("code", "timeout").containsEntry("category", "timeout");
    assertThat(p.toString()).doesNotContain("SYSTEM_RANGE").doesNotContain("sleep");
  }

  @Test
  void anInternalFaultIs500WithoutDetail() {
    Map<String, Object> p = problem(http.get().uri("/broken").exchange(), 500);
    assertThat(p).containsEntry("title", "Internal Server Error")
        .containsEntry("code", "database_error").containsEntry("category", "internal")
        .doesNotContainKeys("detail", "model", "field");
    assertThat(p.toString()).doesNotContainIgnoringCase("secret");
  }

  /**
   * Every connection of the application's pool held elsewhere: a request cannot have one within
   * the Db's wait. (One application only: a second one's close would dispose the Reactor Netty
   * resources the first one's server shares.)
   */
  @Test
  void anExhaustedPoolIs503WithRetryAfter() {
    long id = author(unique("pool") + "@example.com");
    ConnectionFactory pool = app.getBean(ConnectionFactory.class);
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < POOL; i++) {
        held.add(Mono.from(pool.create()).block(GUARD));
      }
      WebTestClient.ResponseSpec response = http.get().uri("/authors/" + id).exchange();
      response.expectHeader().valueEquals("Retry-After", "1");
      assertThat(problem(response, 503)).containsEntry("title", "Service Unavailable")
          .containsEntry("code", "unavailable").containsEntry("category", "unavailable");
    } finally {
      held.forEach(c -> Mono.from(c.close()).block(GUARD));
    }
    http.get().uri("/authors/" + id).exchange().expectStatus().isOk();
  }

  @Test
  @SuppressWarnings("unchecked")
  void eachVariantPostedAsJsonIsCreatedAndReadBackWithItsTag() {
    String task = unique("task");
    String at = "\"at\":\"2026-03-01T10:15:3%dZ\"";
    List<String> bodies = List.of(
        "{\"type\":\"created\",\"id\":\"" + UUID.randomUUID() + "\",\"task\":\"" + task + "\","
            + at.formatted(0) + "}",
        "{\"type\":\"moved\",\"id\":\"" + UUID.randomUUID() + "\",\"task\":\"" + task + "\","
            + at.formatted(1) + ",\"source\":\"todo\",\"target\":\"doing\"}",
        "{\"type\":\"Commented\",\"id\":\"" + UUID.randomUUID() + "\",\"task\":\"" + task + "\","
            + at.formatted(2) + ",\"text\":\"hi\"}");
    List<Object> ids = new ArrayList<>();
    for (String body : bodies) {
      Map<String, Object> created = post("/activities", body).expectStatus().isOk()
          .expectBody(Map.class).returnResult().getResponseBody();
      ids.add(created.get("id"));
    }
    List<Map<String, Object>> log = http.get().uri("/activities?task=" + task).exchange()
        .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
        .stream().map(m -> (Map<String, Object>) m).toList();
    assertThat(log).extracting(a -> a.get("type")).containsExactly("created", "moved",
        "Commented");
    assertThat(log).extracting(a -> a.get("id")).containsExactlyElementsOf(ids);
    http.get().uri("/activities/" + ids.get(1)).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.type").isEqualTo("moved")
        .jsonPath("$.source").isEqualTo("todo")
        .jsonPath("$.target").isEqualTo("doing");
  }

  @Test
  void anUnknownOrMissingTagIs400NamingTheModelAndTheTag() {
    String rest = "\"id\":\"" + UUID.randomUUID() + "\",\"task\":\"t\",\"at\":\"2026-03-01T10:15:30Z\"}";
    Map<String, Object> unknown = problem(post("/activities", "{\"type\":\"archived\"," + rest),
        400);
    assertThat(unknown).containsEntry("code", "unknown_type").containsEntry("model", "Activity")
        .containsEntry("property", "type")
        .containsEntry("known", List.of("created", "moved", "Commented"));
    assertThat((String) unknown.get("detail")).contains("Activity").contains("archived");
    Map<String, Object> missing = problem(post("/activities", "{" + rest), 400);
    assertThat(missing).containsEntry("code", "unknown_type");
    assertThat((String) missing.get("detail")).contains("has no \"type\"");
    Map<String, Object> field = problem(post("/tasks",
        "{\"title\":\"t\",\"status\":{\"type\":\"gone\"}}"), 400);
    assertThat(field).containsEntry("code", "unknown_type").containsEntry("model", "Task")
        .containsEntry("field", "status");
  }

  @Test
  void sealedValuesInColumnsAndDocumentsRoundTripOverHttp() {
    String body = "{\"title\":\"t\",\"status\":{\"type\":\"blocked\",\"reason\":\"review\"},"
        + "\"plan\":{\"type\":2,\"cents\":1999,\"features\":[\"sso\"]}}";
    Object id = post("/tasks", body).expectStatus().isOk().expectBody(Map.class).returnResult()
        .getResponseBody().get("id");
    http.get().uri("/tasks/" + id).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.status.type").isEqualTo("blocked")
        .jsonPath("$.status.reason").isEqualTo("review")
        .jsonPath("$.plan.type").isEqualTo(2)
        .jsonPath("$.plan.features[0]").isEqualTo("sso");
  }

  @Test
  @SuppressWarnings("unchecked")
  void filtersAndPagesComeFromOneRequestsParameters() {
    String prefix = unique("page");
    for (String name : List.of("c", "a", "d", "b", "e")) {
      post("/authors", "{\"name\":\"" + prefix + "-" + name + "\",\"email\":\"" + prefix + name
          + "@example.com\"}").expectStatus().isOk();
    }
    author(unique("other") + "@example.com");
    String query = "/authors?name[startsWith]=" + prefix + "&sort=-name&size=2";
    Map<String, Object> first = http.get().uri(query).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat((List<Map<String, Object>>) first.get("items")).extracting(a -> a.get("name"))
        .containsExactly(prefix + "-e", prefix + "-d");
    Map<String, Object> second = http.get().uri(query + "&after=" + first.get("next"))
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
        .getResponseBody();
    assertThat((List<Map<String, Object>>) second.get("items")).extracting(a -> a.get("name"))
        .containsExactly(prefix + "-c", prefix + "-b");
    Map<String, Object> back = http.get().uri(query + "&before=" + second.get("previous"))
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
        .getResponseBody();
    assertThat(back.get("items")).isEqualTo(first.get("items"));

    Map<String, Object> unknown = problem(http.get().uri(query + "&colour=red").exchange(), 400);
    assertThat(unknown).containsEntry("code", "invalid_filter")
        .containsEntry("path", "$.filter.colour");
    assertThat(problem(http.get().uri(query.replace("size=2", "size=0")).exchange(), 400))
        .containsEntry("code", "invalid_filter").containsEntry("path", "$.size");
    assertThat(problem(http.get().uri(query + "&after=" + first.get("next") + "x").exchange(),
        400)).containsEntry("code", "invalid_cursor");
    // a cursor of another order is not one of this query's
    assertThat(problem(http.get().uri(query.replace("sort=-name", "sort=name") + "&after="
        + first.get("next")).exchange(), 400)).containsEntry("code", "invalid_cursor");
  }
}
