package io.toasty.codegen.samples;

import io.toasty.annotations.Column;
import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link Account} after renaming its variant classes and fields: the variants that declare
 * {@code @Discriminator} (and the fields that declare {@code @Column}) keep their storage.
 */
@Model
public record AccountRenamed(
    @Key long id,
    State status,
    @Column("tier_level") Optional<Level> tier) {

  /** Account.Status, renamed. */
  public sealed interface State permits Active, Halted {}

  /** Stored by its class name, so not renamed. */
  public record Active() implements State {}

  /** Account.Suspended, renamed: the same discriminator. */
  @Discriminator("susp")
  public record Halted(String reason, Optional<Instant> until, int strikes) implements State {}

  /** Account.Tier, renamed. */
  public sealed interface Level permits Gratis, Premium {}

  /** Account.Free, renamed. */
  @Discriminator(number = 1)
  public record Gratis() implements Level {}

  /** Account.Paid, renamed, its field too. */
  @Discriminator(number = 2)
  public record Premium(@Column("cents") long perMonth) implements Level {}
}
