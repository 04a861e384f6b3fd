package io.toasty.codegen.samples;

import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** Holds a nested model, whose nested enum shares its simple name with {@link Status}. */
public final class Library {
  private Library() {}

  /** A model nested in a class, with a nested enum. */
  @Model
  public record Book(@Key long isbn, @Default("DRAFT") Status status) {

    /** Not {@link io.toasty.codegen.samples.Status}. */
    public enum Status { DRAFT, PRINTED, OUT_OF_PRINT }
  }
}
