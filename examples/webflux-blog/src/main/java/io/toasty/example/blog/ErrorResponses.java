package io.toasty.example.blog;

import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Failures as statuses with {@code {"error": message}}: a bad request of any kind is a 4xx
 * (malformed JSON, wrong types, missing or oversized fields, control characters, wildcards,
 * unknown ids); only a fault of the service itself is a 500. Toasty's own errors (a taken email:
 * 409) are answered by the starter as problem details ({@code ToastyWebExceptionAdvice}).
 */
@RestControllerAdvice
public class ErrorResponses {
  /** 400: what the request got wrong. */
  @ExceptionHandler(BadRequestException.class)
  public ResponseEntity<Map<String, String>> badRequest(BadRequestException e) {
    return respond(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /** 400: a body or parameter that cannot be read (malformed JSON, a wrong type, none). */
  @ExceptionHandler(ServerWebInputException.class)
  public ResponseEntity<Map<String, String>> unreadable(ServerWebInputException e) {
    return respond(HttpStatus.BAD_REQUEST, e.getReason());
  }

  /** 413: a body past spring.codec.max-in-memory-size. */
  @ExceptionHandler(DataBufferLimitException.class)
  public ResponseEntity<Map<String, String>> tooLarge(DataBufferLimitException e) {
    return respond(HttpStatus.PAYLOAD_TOO_LARGE, "the request body is too large");
  }

  /** 404. */
  @ExceptionHandler(NotFoundException.class)
  public ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
    return respond(HttpStatus.NOT_FOUND, e.getMessage());
  }

  /** 409. */
  @ExceptionHandler(ConflictException.class)
  public ResponseEntity<Map<String, String>> conflict(ConflictException e) {
    return respond(HttpStatus.CONFLICT, e.getMessage());
  }

  /** The status a framework exception carries (a 404 for an unknown path, a 405, ...). */
  @ExceptionHandler(ResponseStatusException.class)
  public ResponseEntity<Map<String, String>> status(ResponseStatusException e) {
    return respond(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
  }

  private static ResponseEntity<Map<String, String>> respond(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .body(Map.of("error", message == null ? status.getReasonPhrase() : message));
  }
}
