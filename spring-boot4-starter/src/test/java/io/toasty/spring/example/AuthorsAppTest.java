package io.toasty.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.reactive.Db;
import io.toasty.spring.app.Articles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The Boot 4 example over HTTP, on Netty at a random port: Boot 4's WebFlux, Jackson 3 and
 * Reactor Netty with the library on the versions Boot 4 pins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorsAppTest {
  private ConfigurableApplicationContext context;
  private WebTestClient http;

  @BeforeAll
  void start() {
    context = new SpringApplicationBuilder(AuthorsApp.class).run("--server.port=0",
        "--spring.r2dbc.url=r2dbc:h2:mem:///example" + UUID.randomUUID().toString()
            .replace("-", "") + "?options=DB_CLOSE_DELAY=-1",
        "--toasty.schema=push");
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    // a hang guard, not a timing: the default 5 s is too short on a loaded machine
    http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofMinutes(2)).build();
  }

  @AfterAll
  void stop() {
    context.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAuthorWithAnArticleRoundTripsAsJson() {
    Map<String, Object> created = http.post().uri("/authors").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "Ann", "email", "ann@example.com", "firstArticle", "Hello"))
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    // a nested create returns what it created: the author with the article it wrote, loaded
    assertThat(created).containsEntry("name", "Ann");
    assertThat((List<Map<String, Object>>) created.get("articles"))
        .extracting(a -> a.get("title")).containsExactly("Hello");
    Map<String, Object> read = http.get().uri("/authors/{id}", created.get("id")).exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    List<Map<String, Object>> articles = (List<Map<String, Object>>) read.get("articles");
    assertThat(articles).extracting(a -> a.get("title")).containsExactly("Hello");
  }

  @Test
  void aTakenEmailIsA409ProblemDetail() {
    Map<String, String> body = Map.of("name", "Bo", "email", "bo@example.com",
        "firstArticle", "One");
    http.post().uri("/authors").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange().expectStatus().isOk();
    http.post().uri("/authors").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange().expectStatus().isEqualTo(409)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.code").isEqualTo("unique_violation")
        .jsonPath("$.field").isEqualTo("email");
    assertThat(Articles.filter(Articles.TITLE.eq("One"))
        .stream(context.getBean(Db.class)).count().block()).isEqualTo(1L);
  }

  @Test
  void aGeneratedRepositoryServesARequest() {
    http.post().uri("/labels").contentType(MediaType.TEXT_PLAIN).bodyValue("red").exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.text").isEqualTo("red");
  }

  /**
   * The generated repository's cursor pages: every label once, in key order, the last page
   * without a next cursor; an altered cursor is a 400 problem detail, not a 500.
   */
  @Test
  @SuppressWarnings("unchecked")
  void cursorPagesOfARepositoryWalkEveryLabel() {
    for (String text : List.of("p1", "p2", "p3")) {
      http.post().uri("/labels").contentType(MediaType.TEXT_PLAIN).bodyValue(text).exchange()
          .expectStatus().isOk();
    }
    List<Object> seen = new ArrayList<>();
    Map<String, Object> page = labelsPage(null);
    String first = (String) page.get("next");
    seen.addAll((List<Object>) page.get("items"));
    while (page.get("next") != null) {
      page = labelsPage((String) page.get("next"));
      seen.addAll((List<Object>) page.get("items"));
    }
    List<Object> texts = seen.stream().map(l -> ((Map<String, Object>) l).get("text")).toList();
    assertThat(texts).containsSubsequence("p1", "p2", "p3").doesNotHaveDuplicates();
    assertThat(page.get("previous")).isNotNull();
    int at = first.length() / 2;
    String altered = first.substring(0, at) + (first.charAt(at) == 'A' ? 'B' : 'A')
        + first.substring(at + 1);
    http.get().uri(b -> b.path("/labels").queryParam("size", 2).queryParam("after", altered)
            .build()).exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.code").isEqualTo("invalid_cursor");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> labelsPage(String after) {
    return http.get().uri(b -> {
      b.path("/labels").queryParam("size", 2);
      return (after == null ? b : b.queryParam("after", after)).build();
    }).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }
}
