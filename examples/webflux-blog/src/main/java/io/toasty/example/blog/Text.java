package io.toasty.example.blog;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The blog's own rules for client text: within bounds, and free of NUL and other control
 * characters. A missing value is left to Toasty, which refuses it for a required field (a 400
 * naming the field, from the starter).
 */
final class Text {
  private Text() {}

  /**
   * {@code value} if it is null or valid text of {@code min}..{@code max} characters, else a
   * 400.
   */
  static String check(String field, String value, int min, int max) {
    if (value == null) {
      return null;
    }
    if (value.length() < min || value.length() > max) {
      throw badRequest(field + " must have " + min + " to " + max + " characters, not "
          + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        throw badRequest(field + " must not contain control characters");
      }
    }
    return value;
  }

  /** {@link #check} as a signal; a missing value is a 400 too. */
  static Mono<String> checked(String field, String value, int min, int max) {
    return value == null ? Mono.error(badRequest(field + " is required"))
        : Mono.fromCallable(() -> check(field, value, min, max));
  }

  /** A 400 saying what is wrong with the request. */
  static ResponseStatusException badRequest(String reason) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
  }
}
