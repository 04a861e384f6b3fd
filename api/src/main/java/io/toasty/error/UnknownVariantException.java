package io.toasty.error;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored discriminator of a sealed-interface field that matches none of its variants (a row
 * written by a newer version of the model, or a variant removed without migrating its rows).
 * Names the model, the field and the value; never transient: reading the row again fails again.
 */
public class UnknownVariantException extends ToastyException {
  private static final long serialVersionUID = 1L;
  private final String value;
  private final List<String> known;

  /**
   * @param model the model
   * @param field the sealed field
   * @param value the stored discriminator, as text
   * @param known the discriminators of the field's variants
   */
  public UnknownVariantException(@Nullable String model, @Nullable String field, String value,
      List<String> known) {
    super(model, field, "stored discriminator \"" + value + "\" matches no variant (known: "
        + String.join(", ", known) + ")", null);
    this.value = value;
    this.known = List.copyOf(known);
  }

  /** The stored discriminator, as text. */
  public String value() {
    return value;
  }

  /** The discriminators of the field's variants. */
  public List<String> known() {
    return known;
  }

  /**
   * {@link ErrorCategory#INTERNAL}: a stored row the models cannot read (written by a newer
   * version, or left by a removed variant).
   */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INTERNAL;
  }
}
