package io.toasty.example.blog;

import static org.assertj.core.api.Assertions.assertThat;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A request's statements can be found from its trace: with Micrometer Tracing on the class path
 * (Brave here) and {@code io.toasty.statement} at DEBUG, each statement's line, in Spring Boot's
 * own console pattern, carries the request's trace id (the one its {@code traceparent} header
 * gave), and each statement's span is in the request's trace, under its server span.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "logging.level.io.toasty.statement=DEBUG",
    "management.tracing.sampling.probability=1.0",
    "spring.r2dbc.url=r2dbc:h2:mem:///traced?options=DB_CLOSE_DELAY=-1"})
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability // a test context has tracing off unless asked
class TraceIdsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<MutableSpan> SPANS = new CopyOnWriteArrayList<>();

  @Autowired
  WebTestClient http;

  /** Keeps every finished span, as a tracing backend's reporter would receive it. */
  @TestConfiguration
  static class Spans {
    @Bean
    SpanHandler keepSpans() {
      return new SpanHandler() {
        @Override
        public boolean end(TraceContext context, MutableSpan span, Cause cause) {
          SPANS.add(span);
          return true;
        }
      };
    }
  }

  @Test
  void eachStatementOfARequestCarriesItsTraceId(CapturedOutput output) {
    long author = http.mutate().responseTimeout(WAIT).build().post().uri("/users")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "ann", "email", "ann-" + System.nanoTime() + "@example.com"))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
        .getResponseBody().get("id") instanceof Number n ? n.longValue() : -1;
    String created = traced(http.post().uri("/posts").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("authorId", author, "title", "Traced", "body", "text",
            "tags", List.of("a", "b"))), 201);
    String read = traced(http.get().uri("/posts?size=5"), 200);

    for (String trace : List.of(created, read)) {
      Awaitility.await().atMost(WAIT).untilAsserted(() -> {
        List<MutableSpan> statements = SPANS.stream()
            .filter(s -> trace.equals(s.traceId()) && s.tag("db.operation") != null).toList();
        assertThat(statements).isNotEmpty();
        // one line per statement, each with the request's trace id where Boot's pattern puts it
        assertThat(output.getOut().lines()
            .filter(l -> l.contains("io.toasty.statement") && l.contains(trace)))
            .hasSize(statements.size());
        MutableSpan server = SPANS.stream()
            .filter(s -> trace.equals(s.traceId()) && s.kind() == brave.Span.Kind.SERVER)
            .findFirst().orElseThrow();
        assertThat(statements).allMatch(s -> s.parentId() != null
            && descendsFrom(s, server.id()));
      });
    }
  }

  /** The trace id of a request sent with a W3C {@code traceparent} header of a new trace. */
  private String traced(WebTestClient.RequestHeadersSpec<?> request, int status) {
    String trace = String.format("%016x%016x", ThreadLocalRandom.current().nextLong(),
        ThreadLocalRandom.current().nextLong());
    String parent = String.format("%016x", ThreadLocalRandom.current().nextLong());
    request.header("traceparent", "00-" + trace + "-" + parent + "-01")
        .exchange().expectStatus().isEqualTo(status);
    return trace;
  }

  /** Whether {@code span}'s parents, within its trace, reach {@code ancestor}. */
  private static boolean descendsFrom(MutableSpan span, String ancestor) {
    for (MutableSpan s = span; s != null; ) {
      if (ancestor.equals(s.parentId())) {
        return true;
      }
      String parent = s.parentId();
      s = SPANS.stream().filter(p -> p.id().equals(parent) && p.traceId().equals(span.traceId()))
          .findFirst().orElse(null);
    }
    return false;
  }
}
