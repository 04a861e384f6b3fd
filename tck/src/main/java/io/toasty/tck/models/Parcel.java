package io.toasty.tck.models;

import io.toasty.annotations.Embedded;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** Random embedded values written and read back (embedded family's round trip). */
@Model
public record Parcel(
    @Key long id,
    @Embedded Label label,
    @Embedded Optional<Label> returnLabel) {

  /** The embedded record: text of any kind, extremes, and optional parts. */
  public record Label(String text, long big, int small, boolean flag, Optional<String> note,
      @Embedded Optional<Money> postage) {}
}
