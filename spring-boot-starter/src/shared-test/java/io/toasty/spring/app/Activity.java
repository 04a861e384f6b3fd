package io.toasty.spring.app;

import io.toasty.annotations.Discriminator;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A test model: a polymorphic activity log, one table, three variants told apart by their
 * stored discriminators (which the Jackson module writes as {@code "type"}).
 */
@Model
@Table("activities")
public sealed interface Activity permits Activity.Created, Activity.Moved, Activity.Commented {
  /** A task was created. */
  @Model
  @Discriminator("created")
  record Created(@Key UUID id, String task, Instant at) implements Activity {}

  /** A task moved from one column to another. */
  @Model
  @Discriminator("moved")
  record Moved(@Key UUID id, String task, Instant at, String source, String target)
      implements Activity {}

  /** A comment on a task; its discriminator is its name. */
  @Model
  record Commented(@Key UUID id, String task, Instant at, String text) implements Activity {}
}
