package io.toasty.example.blog;

import reactor.core.publisher.Mono;

/** Checks of client text: present, within bounds, and free of NUL and other control characters. */
final class Text {
  private Text() {}

  /** {@code value} if it is valid text of {@code min}..{@code max} characters, else a 400. */
  static String check(String field, String value, int min, int max) {
    if (value == null) {
      throw new BadRequestException(field + " is required");
    }
    if (value.length() < min || value.length() > max) {
      throw new BadRequestException(field + " must have " + min + " to " + max
          + " characters, not " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        throw new BadRequestException(field + " must not contain control characters");
      }
    }
    return value;
  }

  /** {@link #check} as a signal. */
  static Mono<String> checked(String field, String value, int min, int max) {
    return Mono.fromCallable(() -> check(field, value, min, max));
  }
}
