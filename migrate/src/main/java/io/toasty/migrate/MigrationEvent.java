package io.toasty.migrate;

import java.time.Duration;
import java.util.Objects;

/**
 * Progress of an apply or a rollback, step by step, for the listener given to
 * {@link Migrator#onProgress}: each step starts, may tick while it runs (a long {@code ALTER
 * TABLE}, a DynamoDB index waited for until it is ACTIVE), and ends done or failed. Events of one
 * run come in order, one at a time; no tick follows its step's end.
 */
public sealed interface MigrationEvent {

  /** The step the event is about. */
  At at();

  /**
   * Where a run is.
   *
   * @param migration   the migration's label ({@code V3__add_user_nickname})
   * @param version     its version
   * @param undo        whether the step is one of its undo steps (a rollback)
   * @param step        the step's number, from 1
   * @param steps       how many steps the migration (or its undo) has
   * @param description the step's line ({@code add column users.nickname})
   */
  record At(String migration, int version, boolean undo, int step, int steps,
      String description) {
    public At {
      Objects.requireNonNull(migration, "migration");
      Objects.requireNonNull(description, "description");
    }

    /** {@code step 2/5: add column users.nickname}. */
    public String describe() {
      return "step " + step + "/" + steps + ": " + description;
    }
  }

  /** The step begins. */
  record StepStarted(At at) implements MigrationEvent {}

  /** The step is still running, {@code elapsed} after it began. */
  record StillRunning(At at, Duration elapsed) implements MigrationEvent {}

  /** The step is done and recorded, after {@code took}. */
  record StepDone(At at, Duration took) implements MigrationEvent {}

  /** The step failed after {@code took}; the run ends with {@code error}. */
  record StepFailed(At at, Duration took, Throwable error) implements MigrationEvent {}
}
