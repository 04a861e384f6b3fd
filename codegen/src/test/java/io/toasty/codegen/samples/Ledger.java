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

  /** String discriminators: {@code Open} (its class name) and {@code frozen}. */
  public sealed interface State permits Open, Frozen {}

  /** Numeric discriminators, one negative: {@code 1} and {@code -7}. */
  public sealed interface Grade permits Low, High {}

  /** The variants, each a record of its interface. */
  public record Open() implements State {}

  @Discriminator("frozen")
  public record Frozen(String reason, List<String> notes, long since) implements State {}

  @Discriminator(number = 1)
  public record Low() implements Grade {}

  @Discriminator(number = -7)
  public record High(String label) implements Grade {}
}
