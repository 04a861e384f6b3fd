package io.toasty.spring;

import io.toasty.ToastyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a Toasty error that a handler did not catch with its {@link ToastyProblemDetails}
 * ({@code application/problem+json}). Ordered last, so an application's own
 * {@code @ExceptionHandler} for these exceptions wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ToastyWebExceptionAdvice {

  /** The problem detail, with {@code Retry-After: 1} on a 503. */
  @ExceptionHandler(ToastyException.class)
  public ResponseEntity<ProblemDetail> toasty(ToastyException e) {
    ProblemDetail problem = ToastyProblemDetails.of(e);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
    if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      response.header("Retry-After", "1");
    }
    return response.body(problem);
  }
}
