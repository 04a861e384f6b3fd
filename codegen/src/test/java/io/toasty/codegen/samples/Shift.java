package io.toasty.codegen.samples;

import io.toasty.BelongsTo;
import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/**
 * A polymorphic model with relations: both variants belong to a crew (the accessors declared on
 * the interface, the key indexed by both), and a night shift alone may lead one.
 */
@Model
public sealed interface Shift permits Shift.Day, Shift.Night {
  /** The crew's key. */
  long crewId();

  /** The crew. */
  BelongsTo<Crew> crew();

  /** A day shift. */
  @Model
  @Discriminator("day")
  record Day(@Key long id, int hours, @Index long crewId, BelongsTo<Crew> crew)
      implements Shift {}

  /** A night shift, which may lead a crew. */
  @Model
  @Discriminator("night")
  record Night(@Key long id, @Index long crewId, BelongsTo<Crew> crew, Optional<Long> leadsId,
      BelongsTo<Optional<Crew>> leads, boolean paid) implements Shift {}
}
