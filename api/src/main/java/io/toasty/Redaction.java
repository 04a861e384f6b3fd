package io.toasty;

import io.toasty.schema.app.FieldSchema;
import io.toasty.schema.app.ModelSchema;
import org.jspecify.annotations.Nullable;

/**
 * How the library hides the values of {@code @Sensitive} fields: each one is shown as
 * {@link #MASK}, the same for every value so that not even its length shows.
 */
public final class Redaction {
  /** What a sensitive value is shown as. */
  public static final String MASK = "***";

  private Redaction() {}

  /** Whether {@code model} has a sensitive field. */
  public static boolean hasSensitive(@Nullable ModelSchema model) {
    return model != null && model.fields().stream().anyMatch(FieldSchema::sensitive);
  }
}
