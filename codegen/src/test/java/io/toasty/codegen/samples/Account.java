package io.toasty.codegen.samples;

import io.toasty.annotations.Column;
import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.Instant;
import java.util.Optional;

/**
 * A model with sealed-interface fields: string discriminators (one declared, one the class name),
 * numeric ones, a variant without fields, primitives, and an Optional sealed field.
 */
@Model
public record Account(
    @Key long id,
    Status status,
    @Column("tier_level") Optional<Tier> tier) {

  /** A status: its variants' fields are stored in their own columns. */
  public sealed interface Status permits Active, Suspended {}

  /** A variant without fields: only its discriminator is stored. */
  public record Active() implements Status {}

  /** A variant with fields, renamed in storage by its discriminator. */
  @Discriminator("susp")
  public record Suspended(String reason, Optional<Instant> until, int strikes)
      implements Status {}

  /** Numeric discriminators. */
  public sealed interface Tier permits Free, Paid {}

  /** The free tier. */
  @Discriminator(number = 1)
  public record Free() implements Tier {}

  /** A paid tier. */
  @Discriminator(number = 2)
  public record Paid(@Column("cents") long monthlyCents) implements Tier {}
}
