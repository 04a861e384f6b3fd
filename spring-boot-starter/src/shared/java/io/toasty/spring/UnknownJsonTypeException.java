package io.toasty.spring;

import io.toasty.error.ErrorCategory;
import io.toasty.error.ToastyException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object read as a sealed model or value (a request body) names no variant of it: its
 * type property holds a tag that no variant has, or is missing. Names the model (and field), the
 * tag as sent and the known tags; {@link ErrorCategory#INVALID_INPUT}, so the starter's problem
 * details answer it with a 400 ({@code unknown_type}). The Jackson module reports it as the cause
 * of Jackson's own mapping error.
 */
public final class UnknownJsonTypeException extends ToastyException {
  private static final long serialVersionUID = 1L;
  /** How much of a tag a message quotes: the tag is the client's, of any length. */
  private static final int QUOTED = 64;
  private final String property;
  private final @Nullable String tag;
  private final List<String> known;

  /**
   * @param model    the model (polymorphic), or the model whose field holds the sealed value
   * @param field    that field, or null for a polymorphic model
   * @param property the JSON property that names the variant
   * @param tag      the tag sent, or null when the property is missing
   * @param known    the variants' tags
   */
  public UnknownJsonTypeException(String model, @Nullable String field, String property,
      @Nullable String tag,
      List<String> known) {
    super(model, field, tag == null
        ? "the JSON object has no \"" + property + "\" naming its variant (one of "
            + String.join(", ", known) + ")"
        : "\"" + property + "\" is \"" + quoted(tag) + "\", not one of: "
            + String.join(", ", known), null);
    this.property = property;
    this.tag = tag;
    this.known = List.copyOf(known);
  }

  private static String quoted(String tag) {
    return tag.length() <= QUOTED ? tag : tag.substring(0, QUOTED) + "...";
  }

  /** The JSON property that names the variant. */
  public String property() {
    return property;
  }

  /** The tag sent, or null when the property was missing. */
  public @Nullable String tag() {
    return tag;
  }

  /** The variants' tags. */
  public List<String> known() {
    return known;
  }

  /** {@link ErrorCategory#INVALID_INPUT}: the client's JSON names no variant. */
  @Override
  public ErrorCategory category() {
    return ErrorCategory.INVALID_INPUT;
  }
}
