package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A model with sealed-interface fields (sealed family): a required status stored as column
 * {@code status} plus {@code status_suspended_reason}, {@code status_suspended_until}, ...,
 * {@code status_banned_reason}, ...; an optional plan with numeric discriminators; badges to
 * include.
 */
@Model
public record Subscriber(
    @Key UUID id,
    String name,
    Status status,
    Optional<Plan> plan,
    HasMany<Badge> badges) {

  /** A subscriber's status: string discriminators. */
  public sealed interface Status permits Active, Suspended, Banned {}

  /** No fields: only the discriminator {@code Active} is stored. */
  public record Active() implements Status {}

  /** Suspended for a reason, maybe until a time. */
  @Discriminator("suspended")
  public record Suspended(String reason, Optional<Instant> until, int strikes)
      implements Status {}

  /** Banned: a field of the same name as Suspended's, in a column of its own. */
  @Discriminator("banned")
  public record Banned(String reason, long caseNumber) implements Status {}

  /** A plan: numeric discriminators. */
  public sealed interface Plan permits Free, Paid {}

  /** The free plan. */
  @Discriminator(number = 1)
  public record Free() implements Plan {}

  /** A paid plan. */
  @Discriminator(number = 2)
  public record Paid(long cents, String currency) implements Plan {}
}
