package io.toasty.error;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error this library signals. Each names what was at fault: the model, the field
 * and the value where they are known, in the message and through the accessors.
 */
public abstract class ToastyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String model;
  private final @Nullable String field;

  protected ToastyException(@Nullable String model, @Nullable String field, String message,
      @Nullable Throwable cause) {
    super(compose(model, field, message), cause);
    this.model = model;
    this.field = field;
  }

  /** The model at fault, if one is. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** The field at fault, if one is. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /**
   * What kind of failure this is, for code that answers a caller (an HTTP status: {@link
   * ErrorCategory#httpStatus()}). Each exception class decides its own; the table is in
   * {@link ErrorCategory} and docs/spring.md.
   */
  public abstract ErrorCategory category();

  /**
   * Whether the same work may succeed if tried again unchanged (a serialization failure, a
   * deadlock, a lost connection), as with R2DBC's transient exceptions.
   */
  public boolean isTransient() {
    return false;
  }

  private static String compose(@Nullable String model, @Nullable String field,
      String message) {
    if (model == null) {
      return message;
    }
    return field == null ? model + ": " + message : model + "." + field + ": " + message;
  }
}
