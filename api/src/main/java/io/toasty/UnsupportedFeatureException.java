package io.toasty;

/** A feature that this backend (or this version of the engine) cannot express. */
public final class UnsupportedFeatureException extends ToastyException {
  private static final long serialVersionUID = 1L;
  private final String feature;
  private final String backend;

  public UnsupportedFeatureException(String feature, String backend, String detail) {
    super(null, null, feature + " is not supported" + (backend == null ? "" : " on " + backend)
        + (detail == null ? "" : ": " + detail), null);
    this.feature = feature;
    this.backend = backend;
  }

  /** The feature, as named in the message. */
  public String feature() {
    return feature;
  }

  /** The backend that lacks it, or {@code null} when the engine itself lacks it. */
  public String backend() {
    return backend;
  }
}
