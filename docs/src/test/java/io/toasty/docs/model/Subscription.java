package io.toasty.docs.model;

import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

// snippet: sealed-model
@Model
public record Subscription(
    @Key UUID id,
    String email,
    Status status,                  // status, status_suspended_reason, status_suspended_until,
                                    // status_cancelled_at
    Optional<Plan> plan) {          // plan, plan_2_cents

  public sealed interface Status permits Active, Suspended, Cancelled {}

  public record Active() implements Status {}               // stored as "Active"

  @Discriminator("suspended")
  public record Suspended(String reason, Optional<Instant> until) implements Status {}

  @Discriminator("cancelled")
  public record Cancelled(Instant at) implements Status {}

  public sealed interface Plan permits Free, Paid {}

  @Discriminator(number = 1)
  public record Free() implements Plan {}

  @Discriminator(number = 2)
  public record Paid(long cents) implements Plan {}
}
// end-snippet
