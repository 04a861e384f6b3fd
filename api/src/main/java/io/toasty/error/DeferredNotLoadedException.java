package io.toasty.error;

import io.toasty.Deferred;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Deferred} field was read on a record that was loaded without it. Include the field in
 * the query ({@code .include(Users.BIO)}) or load it afterwards ({@code user.bio().get(db)}).
 */
public final class DeferredNotLoadedException extends NotLoadedException {
  private static final long serialVersionUID = 1L;

  public DeferredNotLoadedException(@Nullable String model, @Nullable String field, String hint) {
    super(model, field, "deferred field was not loaded: " + hint);
  }

  /**
   * {@link ErrorCategory#INTERNAL}: the service read a field its query did not load, a fault of
   * its code.
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INTERNAL;
  }
}
