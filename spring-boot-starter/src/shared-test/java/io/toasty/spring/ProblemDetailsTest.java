package io.toasty.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.toasty.Feature;
import io.toasty.error.CardinalityException;
import io.toasty.error.CommitOutcomeUnknownException;
import io.toasty.error.ConnectionLostException;
import io.toasty.error.DivisionByZeroException;
import io.toasty.error.DriverException;
import io.toasty.error.ErrorCategory;
import io.toasty.error.ForeignKeyViolationException;
import io.toasty.error.InvalidCursorException;
import io.toasty.error.InvalidFilterException;
import io.toasty.error.InvalidStatementException;
import io.toasty.error.ItemTooLargeException;
import io.toasty.error.NotNullViolationException;
import io.toasty.error.PoolTimeoutException;
import io.toasty.error.QueryTimeoutException;
import io.toasty.error.RecordNotFoundException;
import io.toasty.error.RelationNotLoadedException;
import io.toasty.error.SerializationFailureException;
import io.toasty.error.StaleRecordException;
import io.toasty.error.ToastyException;
import io.toasty.error.TransactionRolledBackException;
import io.toasty.error.UniqueViolationException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.error.ValueOutOfRangeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Toasty's errors reaching a WebFlux handler's caller as problem details: the status, a code, the
 * model and field, and none of the database's text (which can echo other records' values).
 */
class ProblemDetailsTest {
  private static final String SECRET = "alice@example.com";
  private static final Throwable DRIVER =
      new RuntimeException("duplicate key value (email)=(" + SECRET + ")");

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("not-found", 404, "not_found"),
        Arguments.of("unique", 409, "unique_violation"),
        Arguments.of("foreign-key", 409, "foreign_key_violation"),
        Arguments.of("stale", 409, "stale_record"),
        Arguments.of("serialization", 409, "serialization_failure"),
        Arguments.of("filter", 400, "invalid_filter"),
        Arguments.of("cursor", 400, "invalid_cursor"),
        Arguments.of("not-null", 400, "missing_value"),
        Arguments.of("range", 400, "out_of_range"),
        Arguments.of("pool-timeout", 503, "unavailable"),
        Arguments.of("lost", 503, "unavailable"),
        Arguments.of("commit", 500, "commit_outcome_unknown"),
        Arguments.of("rolled-back", 503, "rolled_back"),
        Arguments.of("timeout", 504, "timeout"),
        Arguments.of("syntax", 500, "database_error"),
        Arguments.of("missing", 400, "missing_value"),
        Arguments.of("invalid", 400, "invalid_value"),
        Arguments.of("division", 400, "division_by_zero"),
        Arguments.of("too-large", 400, "too_large"),
        Arguments.of("cardinality", 409, "cardinality"),
        Arguments.of("unsupported", 501, "unsupported"),
        Arguments.of("not-loaded", 500, "database_error"),
        Arguments.of("unreadable", 500, "database_error"));
  }

  /** Each error a handler signals. */
  @RestController
  static class Failing {
    static final Map<String, Supplier<ToastyException>> ERRORS = Map.ofEntries(
        Map.entry("not-found", () -> new RecordNotFoundException("User", "email = " + SECRET)),
        Map.entry("unique", () -> new UniqueViolationException("User", "email",
            "User.email: taken: " + DRIVER.getMessage(), DRIVER)),
        Map.entry("foreign-key", () -> new ForeignKeyViolationException("Post", "authorId",
            "no author " + SECRET, DRIVER)),
        Map.entry("stale", () -> new StaleRecordException("User", "id = 7")),
        Map.entry("serialization", () -> new SerializationFailureException("postgresql",
            "40001", "could not serialize " + SECRET, DRIVER)),
        Map.entry("filter", () -> new InvalidFilterException("User", "age", "$.age.$gt",
            "$.age.$gt: not a number")),
        Map.entry("cursor", () -> new InvalidCursorException("User", "bad signature")),
        Map.entry("not-null", () -> new NotNullViolationException("User", "name",
            "null in " + SECRET, DRIVER)),
        Map.entry("range", () -> new ValueOutOfRangeException("Item", "b",
            "Item.b: 200 does not fit a byte", null)),
        Map.entry("pool-timeout", () -> new PoolTimeoutException("postgresql",
            Duration.ofMillis(300), DRIVER)),
        Map.entry("lost", () -> new ConnectionLostException("postgresql", "08006", "gone",
            DRIVER)),
        Map.entry("commit", () -> new CommitOutcomeUnknownException("postgresql",
            new ConnectionLostException("postgresql", "08006", "gone", DRIVER))),
        Map.entry("rolled-back", () -> new TransactionRolledBackException(
            "postgresql", new ConnectionLostException("postgresql", null, "closed", DRIVER,
                true))),
        Map.entry("timeout", () -> new QueryTimeoutException("postgresql", "57014",
            "canceling statement due to statement timeout: " + SECRET, DRIVER)),
        Map.entry("syntax", () -> new DriverException("postgresql", "42601",
            "syntax error near " + SECRET, DRIVER)),
        Map.entry("missing", () -> InvalidStatementException.missing("User", "email",
            "is required but was not set")),
        Map.entry("invalid", () -> new InvalidStatementException("User", "age",
            "value " + SECRET + " does not fit type int")),
        Map.entry("division", () -> new DivisionByZeroException("h2", "Item",
            SECRET + " / 0", DRIVER)),
        Map.entry("too-large", () -> new ItemTooLargeException("dynamodb", "Item",
            500_000, 409_600)),
        Map.entry("cardinality", () -> new CardinalityException("User", "posts",
            "id = " + SECRET, 3, 4)),
        Map.entry("unsupported", () -> new UnsupportedFeatureException(
            Feature.JSON_PATH, "h2", "a path into " + SECRET)),
        Map.entry("not-loaded", () -> new RelationNotLoadedException("User", "posts",
            "include it")),
        Map.entry("unreadable", () -> new ValueOutOfRangeException("User", "email",
            "the stored value " + SECRET + " cannot be read", DRIVER) {
          private static final long serialVersionUID = 1L;

          @Override
          public ErrorCategory category() {
            return ErrorCategory.INTERNAL;
          }
        }));

    @GetMapping("/fail/{kind}")
    Mono<String> fail(@PathVariable String kind) {
      return Mono.error(ERRORS.get(kind).get());
    }
  }

  private final WebTestClient client = WebTestClient.bindToController(new Failing())
      .controllerAdvice(new ToastyWebExceptionAdvice()).build();

  @ParameterizedTest
  @MethodSource("errors")
  void eachErrorIsAProblemWithItsStatusAndCode(String kind, int status, String code) {
    client.get().uri("/fail/" + kind).exchange()
        .expectStatus().isEqualTo(status)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(status)
        .jsonPath("$.code").isEqualTo(code)
        .consumeWith(body -> assertThat(new String(body.getResponseBody()))
            .as("no database text in the answer").doesNotContain(SECRET));
  }

  @Test
  void theModelAndFieldAtFaultAreNamed() {
    client.get().uri("/fail/unique").exchange()
        .expectStatus().isEqualTo(409)
        .expectBody()
        .jsonPath("$.model").isEqualTo("User")
        .jsonPath("$.field").isEqualTo("email")
        .jsonPath("$.detail").isEqualTo("User.email: another record has the same value");
  }

  @Test
  void aMissingValueNamesTheModelAndField() {
    client.get().uri("/fail/missing").exchange()
        .expectStatus().isBadRequest()
        .expectBody()
        .jsonPath("$.title").isEqualTo("Bad Request")
        .jsonPath("$.category").isEqualTo("invalid_input")
        .jsonPath("$.model").isEqualTo("User")
        .jsonPath("$.field").isEqualTo("email")
        .jsonPath("$.detail").isEqualTo("User.email: a value is required");
  }

  /** An internal fault tells the client nothing of itself: no detail, model or field. */
  @Test
  void anInternalFaultIsA500WithoutDetail() {
    for (String kind : List.of("syntax", "not-loaded", "unreadable")) {
      client.get().uri("/fail/" + kind).exchange()
          .expectStatus().isEqualTo(500)
          .expectBody()
          .jsonPath("$.title").isEqualTo("Internal Server Error")
          .jsonPath("$.category").isEqualTo("internal")
          .jsonPath("$.detail").doesNotExist()
          .jsonPath("$.model").doesNotExist()
          .jsonPath("$.field").doesNotExist();
    }
  }

  @Test
  void aFilterErrorKeepsItsPathForTheClient() {
    client.get().uri("/fail/filter").exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.path").isEqualTo("$.age.$gt");
  }

  @Test
  void aTimeoutIsAGatewayTimeoutWithoutRetryAfter() {
    client.get().uri("/fail/timeout").exchange()
        .expectStatus().isEqualTo(504)
        .expectHeader().doesNotExist("Retry-After");
  }

  @Test
  void aTransientErrorSaysWhenToRetry() {
    client.get().uri("/fail/pool-timeout").exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().valueEquals("Retry-After", "1");
  }

  private final ReactiveWebApplicationContextRunner web = new ReactiveWebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ToastyWebAutoConfiguration.class));

  @Test
  void theAdviceIsThereInAWebFluxApplicationUnlessTurnedOff() {
    web.run(context -> assertThat(context).hasSingleBean(ToastyWebExceptionAdvice.class));
    web.withPropertyValues("toasty.web.problem-details=false")
        .run(context -> assertThat(context).doesNotHaveBean(ToastyWebExceptionAdvice.class));
  }
}
