package io.toasty.example.blog;

/** A request the service refuses: mapped to 400 with its message. */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A refusal that says what is wrong with the request. */
  public BadRequestException(String message) {
    super(message, null, false, false);
  }
}
