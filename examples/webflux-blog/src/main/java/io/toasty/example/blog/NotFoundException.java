package io.toasty.example.blog;

/** A path naming something that does not exist: mapped to 404. */
public final class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What was not found. */
  public NotFoundException(String message) {
    super(message, null, false, false);
  }
}
