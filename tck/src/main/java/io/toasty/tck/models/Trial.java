package io.toasty.tck.models;

import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** Random sealed-interface values written and read back (sealed family's round trip). */
@Model
public record Trial(
    @Key long id,
    Outcome outcome,
    Optional<Outcome> previous,
    Optional<Grade> grade) {

  /** String discriminators, the class names by default. */
  public sealed interface Outcome permits Pending, Done, Failed {}

  /** No fields. */
  public record Pending() implements Outcome {}

  /** Text of any kind, extremes, and optional parts. */
  public record Done(String note, long big, int small, boolean flag, Optional<String> comment,
      Optional<Long> extra) implements Outcome {}

  /** A field named like one of Done's. */
  public record Failed(String note, Optional<String> detail) implements Outcome {}

  /** Numeric discriminators: zero and negative ones too. */
  public sealed interface Grade permits Low, High {}

  /** Discriminator 0. */
  @Discriminator(number = 0)
  public record Low() implements Grade {}

  /** Discriminator -7 (its columns: {@code grade_m7_label}). */
  @Discriminator(number = -7)
  public record High(String label) implements Grade {}
}
