package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A change stream's resume token that cannot be used: not a {@code Change.resumeToken()} of a
 * record's change on this backend (garbled, truncated, a mark's, or another backend's). Tokens
 * are often kept by clients (an SSE client's {@code Last-Event-ID}): treat this as bad input,
 * never as a server fault. A token too old for what the database still keeps is no error: the
 * stream reports a {@code GAP} instead.
 */
public final class InvalidResumeTokenException extends ToastyException {
  private static final long serialVersionUID = 1L;

  public InvalidResumeTokenException(@Nullable String model, String token, String detail) {
    super(model, null, "invalid resume token '" + token + "': " + detail, null);
  }

  /** {@link ErrorCategory#INVALID_INPUT}: a token comes from the client. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INVALID_INPUT;
  }
}
