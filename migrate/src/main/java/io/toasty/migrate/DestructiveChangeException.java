package io.toasty.migrate;

import io.toasty.error.ErrorCategory;
import java.util.List;

/**
 * The models' change needs a step that loses data (dropping a table or a column, narrowing a
 * column's type) and the diff was not allowed to generate one. Generate again with
 * {@code allowDestructive} once the loss is intended.
 */
public final class DestructiveChangeException extends MigrationException {
  private static final long serialVersionUID = 1L;
  private final List<String> steps;

  public DestructiveChangeException(List<String> steps) {
    super("the migration would lose data (" + String.join("; ", steps) + "); generate it with "
        + "allowDestructive(true) if that is intended, or declare a rename with "
        + "@Column(renamedFrom = ..)", null);
    this.steps = List.copyOf(steps);
  }

  /** The destructive steps, described. */
  public List<String> steps() {
    return steps;
  }

  /** {@link ErrorCategory#INTERNAL}, as every migration error. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INTERNAL;
  }
}
