package io.toasty.tck.models;

import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Json;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A model with sealed values stored as one JSON document each (sealed document family): a
 * required status with string discriminators (one the class name), an optional level with
 * numeric ones. Variants' fields: text, numbers at their extremes, a list, a boolean, and a
 * nullable text.
 */
@Model
@Table("sealdoc_permits")
public record Permit(
    @Key long id,
    String name,
    @Json State state,
    @Json Optional<Level> level) {

  /** A permit's state, stored as {@code {"type":"suspended",...}}. */
  public sealed interface State permits Active, Suspended, Revoked {}

  /** No fields: {@code {"type":"Active"}}. */
  public record Active() implements State {}

  /** The reason may be null; notes may be empty. */
  @Discriminator("suspended")
  public record Suspended(String reason, List<String> notes, long until) implements State {}

  /** A revocation, with a score and an appeal flag. */
  @Discriminator("revoked")
  public record Revoked(String reason, double riskScore, boolean appealed, BigDecimal fee)
      implements State {}

  /** A level: numeric discriminators. */
  public sealed interface Level permits Basic, Gold {}

  /** {@code {"type":1}}. */
  @Discriminator(number = 1)
  public record Basic() implements Level {}

  /** {@code {"type":-2,"points":..,"label":..}}. */
  @Discriminator(number = -2)
  public record Gold(int points, String label) implements Level {}
}
