package io.toasty.spring;

import io.toasty.error.ToastyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a Toasty error that a handler did not catch with its {@link ToastyProblemDetails}
 * ({@code application/problem+json}). Ordered last, so an application's own
 * {@code @ExceptionHandler} for these exceptions wins.
 *
 * <p>A 5xx is logged at ERROR with the exception and its causes (logger
 * {@code io.toasty.spring.ToastyWebExceptionAdvice}): the problem detail deliberately leaves out
 * the database's text, so the log is the only place an operator can learn what failed. A 503 is
 * logged at WARN without its stack trace, as a busy database is an expected state; a 4xx is the
 * client's error and logged at DEBUG.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ToastyWebExceptionAdvice {
  private static final Logger LOG = LoggerFactory.getLogger(ToastyWebExceptionAdvice.class);

  /**
   * The problem detail of {@code thrown} in {@code exchange}: a request that named no tenant is
   * answered for that ({@link TenantWebFilter}), rather than for the service's missing tenant.
   */
  @ExceptionHandler(ToastyException.class)
  public ResponseEntity<ProblemDetail> answer(ToastyException thrown,
      ServerWebExchange exchange) {
    return toasty((ToastyException) TenantWebFilter.forRequest(thrown, exchange));
  }

  /** The problem detail, with {@code Retry-After: 1} on a 503. */
  public ResponseEntity<ProblemDetail> toasty(ToastyException e) {
    ProblemDetail problem = ToastyProblemDetails.of(e);
    log(problem, e);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
    if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      response.header("Retry-After", "1");
    }
    return response.body(problem);
  }

  private static void log(ProblemDetail problem, ToastyException e) {
    int status = problem.getStatus();
    Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
    if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      LOG.warn("{} {}: {}", status, code, e.toString());
    } else if (status >= 500) {
      LOG.error("{} {}: {}", status, code, e.getMessage(), e);
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: {}", status, code, e.toString());
    }
  }
}
