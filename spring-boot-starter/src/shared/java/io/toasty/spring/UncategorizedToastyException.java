package io.toasty.spring;

import io.toasty.error.ToastyException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.UncategorizedDataAccessException;

/** A Toasty exception that no more specific {@code DataAccessException} describes. */
public final class UncategorizedToastyException extends UncategorizedDataAccessException {
  private static final long serialVersionUID = 1L;

  /** Wraps {@code cause}, keeping its message. */
  public UncategorizedToastyException(@Nullable String message, ToastyException cause) {
    super(message, cause);
  }
}
