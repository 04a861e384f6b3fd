package io.toasty.example.blog;

/** A request that conflicts with what is stored: mapped to 409. */
public final class ConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A conflict, explained. */
  public ConflictException(String message) {
    super(message, null, false, false);
  }
}
