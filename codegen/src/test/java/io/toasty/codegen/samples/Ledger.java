package io.toasty.codegen.samples;

import io.toasty.annotations.Column;
import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Json;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.List;
import java.util.Optional;

/**
 * A model with sealed values stored as one JSON document each: string discriminators (one the
 * class name), numeric ones, an optional field under a renamed column.
 */
@Model
public record Ledger(
    @Key long id,
    @Json State state,
    @Json @Column("grade_doc") Optional<Grade> grade) {

  /** Sealed, string discriminators. */
  public sealed interface State permits Open, Frozen {}

  /** Stored as "Open". */
  public record Open() implements State {}

  /** Stored as "frozen". */
  @Discriminator("frozen")
  public record Frozen(String reason, List<String> notes, long since) implements State {}

  /** Sealed, numeric discriminators. */
  public sealed interface Grade permits Low, High {}

  /** Stored as 1. */
  @Discriminator(number = 1)
  public record Low() implements Grade {}

  /** Stored as -7. */
  @Discriminator(number = -7)
  public record High(String label) implements Grade {}
}
