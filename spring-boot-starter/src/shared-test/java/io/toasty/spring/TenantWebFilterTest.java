package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.Tenant;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tenant of each request at the HTTP edge: {@code toasty.tenant.header} makes a header
 * resolver, whose tenant every statement of the request runs for; two tenants' requests, at
 * once, never see each other's rows; a request without the header that touches a tenant-scoped
 * model is a 400 problem ({@code tenant_required}). The real Netty server, on H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantWebFilterTest {
  /** A hang guard, never a measure. */
  private static final Duration GUARD = Duration.ofMinutes(2);
  private static final String HEADER = "X-Tenant";

  private ConfigurableApplicationContext app;
  private WebTestClient http;
  private WebClient web;

  @BeforeAll
  void start() {
    app = new SpringApplicationBuilder(TenantApp.class).run("--server.port=0",
        "--spring.main.web-application-type=reactive", "--toasty.schema=push",
        "--spring.r2dbc.url=r2dbc:h2:mem:///" + Backend.randomName()
            + "?options=DB_CLOSE_DELAY=-1",
        "--toasty.tenant.header=" + HEADER);
    String base = "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty(
        "local.server.port");
    http = WebTestClient.bindToServer().baseUrl(base).responseTimeout(GUARD).build();
    web = WebClient.create(base);
  }

  @AfterAll
  void stop() {
    app.close();
  }

  private Mono<List<String>> texts(String tenant) {
    return web.get().uri("/memos").header(HEADER, tenant).retrieve()
        .bodyToMono(new ParameterizedTypeReference<List<String>>() {});
  }

  private Mono<String> create(String tenant, String text) {
    return web.post().uri("/memos").header(HEADER, tenant).contentType(MediaType.TEXT_PLAIN)
        .bodyValue(text).retrieve().bodyToMono(String.class);
  }

  @Test
  void twoTenantsRequestsNeverSeeEachOthersRows() {
    // both tenants' creates and reads interleaved on the server at once
    Flux.range(0, 10).flatMap(i -> create(i % 2 == 0 ? "acme" : "globex", "m" + i))
        .then().block(GUARD);
    List<List<String>> seen = Flux.range(0, 10)
        .flatMap(i -> texts(i % 2 == 0 ? "acme" : "globex").map(t -> List.of(i % 2 + "", 
            String.join(",", t))))
        .collectList().block(GUARD);
    assertThat(seen).hasSize(10).allSatisfy(pair -> assertThat(pair.get(1)).isEqualTo(
        pair.get(0).equals("0") ? "m0,m2,m4,m6,m8" : "m1,m3,m5,m7,m9"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRequestWithoutItsTenantIsA400Problem() {
    Map<String, Object> body = http.get().uri("/memos").exchange()
        .expectStatus().isEqualTo(400)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(body).containsEntry("code", "tenant_required").containsEntry("model", "Memo");
    // an empty header names no tenant either
    http.get().uri("/memos").header(HEADER, "").exchange().expectStatus().isEqualTo(400);
  }

  @Test
  void thePrincipalResolverReadsTheAuthenticatedName() {
    Principal ann = () -> "acme";
    ServerWebExchange signedIn = MockServerWebExchange.from(MockServerHttpRequest.get("/"))
        .mutate().principal(Mono.just(ann)).build();
    assertThat(TenantResolver.principal().resolve(signedIn).block(GUARD))
        .isEqualTo(Tenant.of("acme"));
    assertThat(TenantResolver.principal().resolve(MockServerWebExchange.from(
        MockServerHttpRequest.get("/"))).blockOptional(GUARD)).isEmpty();
  }

  @Test
  void thePrincipalResolverNeedsSpringSecurity() {
    // Spring Security is not on this test class path: the property alone makes no resolver
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ToastyTenantWebAutoConfiguration.class))
        .withPropertyValues("toasty.tenant.from-principal=true")
        .run(context -> assertThat(context).doesNotHaveBean(TenantResolver.class)
            .hasSingleBean(TenantWebFilter.class));
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ToastyTenantWebAutoConfiguration.class))
        .withPropertyValues("toasty.tenant.header=" + HEADER)
        .run(context -> assertThat(context).hasSingleBean(TenantResolver.class));
  }
}
