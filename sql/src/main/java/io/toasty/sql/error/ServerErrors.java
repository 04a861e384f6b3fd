package io.toasty.sql.error;

import org.jspecify.annotations.Nullable;

/**
 * What a transport's own exceptions tell of a database error: its SQLSTATE and vendor code, and
 * on PostgreSQL the error's fields. {@link ErrorTranslator} asks it of the error and each of its
 * causes, so that every SQL transport (R2DBC, Vert.x) translates the same SQLSTATE alike.
 */
public interface ServerErrors {

  /** The SQLSTATE of {@code error} itself (not its causes), or null when it carries none. */
  @Nullable String sqlState(Throwable error);

  /** The vendor's error code of {@code error} itself, or null. */
  @Nullable Object errorCode(Throwable error);

  /**
   * The PostgreSQL error fields of {@code error} or of the first of its causes that has them, or
   * null (the default: a transport without them, where the message is scanned instead).
   */
  default @Nullable ErrorFields fields(Throwable error) {
    return null;
  }

  /**
   * The server's own message of {@code error} itself where the transport's exception message
   * wraps it (vertx-mysql-client's {@code {errorMessage=.., errorCode=.., sqlState=..}}), or null
   * (the default: the exception's message is the server's).
   */
  default @Nullable String message(Throwable error) {
    return null;
  }
}
