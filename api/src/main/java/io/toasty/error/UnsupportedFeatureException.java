package io.toasty.error;

import io.toasty.Feature;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A feature that this backend (or this version of the engine) cannot express. {@link #feature()}
 * says which, for programs; the message says which and why, for people. The engine refuses
 * before it sends anything to the database wherever the backend's {@code Capability} tells it
 * in advance.
 */
public final class UnsupportedFeatureException extends ToastyException {
  private static final long serialVersionUID = 1L;
  private final Feature feature;
  private final @Nullable String backend;

  /**
   * @param feature what is refused
   * @param backend the backend that lacks it, or {@code null} when the engine itself lacks it
   * @param detail  what exactly was asked for, and what to do instead; may be {@code null}
   */
  public UnsupportedFeatureException(Feature feature, @Nullable String backend,
      @Nullable String detail) {
    super(null, null, Objects.requireNonNull(feature, "feature").text() + " is not supported"
        + (backend == null ? "" : " on " + backend) + (detail == null ? "" : ": " + detail),
        null);
    this.feature = feature;
    this.backend = backend;
  }

  /** What is refused. */
  public Feature feature() {
    return feature;
  }

  /** The backend that lacks it, or {@code null} when the engine itself lacks it. */
  public @Nullable String backend() {
    return backend;
  }

  /** {@link ErrorCategory#UNSUPPORTED}. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.UNSUPPORTED;
  }
}
