package io.toasty.error;

import org.jspecify.annotations.Nullable;

/**
 * A part of a record that the query which loaded it did not read: a relation
 * ({@link RelationNotLoadedException}) or a deferred field ({@link DeferredNotLoadedException}).
 * Catch this type to treat both alike.
 */
public abstract class NotLoadedException extends ToastyException {
  private static final long serialVersionUID = 1L;

  protected NotLoadedException(@Nullable String model, @Nullable String field, String message) {
    super(model, field, message, null);
  }
}
