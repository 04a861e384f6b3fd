package io.toasty;

import io.toasty.error.InvalidStatementException;
import io.toasty.error.JsonFieldException;
import io.toasty.error.UnknownVariantException;
import io.toasty.value.JsonCodec;
import io.toasty.value.TaggedJson;
import io.toasty.value.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The path of a {@code @Json} field whose type is a sealed interface of records: one document
 * holding the variant's fields and, first, its discriminator under {@value #KEY}
 * ({@code {"type":"suspended","reason":"spam"}}). Generated as an anonymous subclass, like
 * {@link JsonPath}, with the variants and their discriminators in {@code permits} order.
 *
 * <pre>{@code
 * Members.filter(Members.STATUS.is(Suspended.class))     // status ->> 'type' = 'suspended'
 * Members.filter(Members.STATUS.text("reason").eq("spam"))
 * }</pre>
 *
 * @param <T> the sealed interface
 */
public abstract class SealedJsonPath<T> extends JsonPath<T> {
  /** The member of the document that holds the variant's discriminator. */
  public static final String KEY = "type";

  private final boolean optional;
  private final List<Class<? extends T>> variants;
  private final List<Object> discriminators;

  /**
   * A sealed document field's path; subclass it anonymously with the interface as {@code T}.
   *
   * @param optional       whether the field is an {@code Optional} (absent: NULL)
   * @param variants       the permitted records
   * @param discriminators their discriminators, {@code String}s or {@code Integer}s, in order
   */
  protected SealedJsonPath(String model, int index, String name, boolean optional,
      List<Class<? extends T>> variants, List<?> discriminators) {
    super(model, index, name);
    this.optional = optional;
    this.variants = List.copyOf(variants);
    this.discriminators = List.copyOf(discriminators);
  }

  /** The document of {@code value}, its discriminator first; NULL for null. */
  @Override
  public Value toValue(@Nullable T value) {
    return value == null ? Value.NULL
        : Value.json(new TaggedJson(KEY, discriminatorOf(value.getClass()), value), javaType());
  }

  /** The stored discriminator's text: NULL where the value is absent. */
  public final Expr<String> discriminator() {
    return text(KEY);
  }

  /** Whether the value is of {@code variant} (by its discriminator, not its class name). */
  public final Condition is(Class<? extends T> variant) {
    return discriminator().eq(discriminatorOf(variant).toString());
  }

  /** Whether the value is of another variant than {@code variant}, or absent. */
  public final Condition isNot(Class<? extends T> variant) {
    Condition other = discriminator().ne(discriminatorOf(variant).toString());
    return optional ? isNull().or(other) : other;
  }

  /**
   * The value a stored document holds; {@code null} for NULL.
   *
   * @throws UnknownVariantException when its discriminator names no variant
   * @throws JsonFieldException when it has none, or the codec cannot read the variant
   */
  @Override
  @SuppressWarnings("unchecked")
  public final @Nullable T read(Value value) {
    if (value.isNull()) {
      return null;
    }
    if (!(value instanceof Value.Json json)) {
      throw new IllegalArgumentException("cannot read " + value + " as JSON");
    }
    if (json.object() instanceof TaggedJson tagged && variants.contains(
        tagged.variant().getClass())) {
      return (T) tagged.variant(); // the value this document was written from
    }
    TaggedJson.Stored stored = TaggedJson.untag(
        Objects.requireNonNull(json.text(), "a document read back has its text"), KEY);
    if (stored == null) {
      throw new JsonFieldException(model(), name(), "the stored document has no member \"" + KEY
          + "\" naming its variant", null);
    }
    JsonCodec codec = json.codec();
    if (codec == null) {
      throw new IllegalStateException("no JSON codec attached to this document");
    }
    String discriminator = decode(stored.discriminator(), codec);
    int i = discriminators.stream().map(Object::toString).toList().indexOf(discriminator);
    if (i < 0) {
      throw new UnknownVariantException(model(), name(), discriminator,
          discriminators.stream().map(Object::toString).toList());
    }
    try {
      return (T) codec.read(stored.variant(), variants.get(i));
    } catch (Exception e) {
      throw new JsonFieldException(model(), name(), "cannot read the stored JSON as "
          + variants.get(i).getName() + ": " + e.getMessage(), e);
    }
  }

  /** The discriminator's text: a string's content, a number's plain digits. */
  private String decode(String json, JsonCodec codec) {
    try {
      return json.startsWith("\"") ? (String) codec.read(json, String.class)
          : new BigDecimal(json).stripTrailingZeros().toPlainString();
    } catch (Exception e) {
      throw new JsonFieldException(model(), name(), "the stored discriminator " + json
          + " is no string or number", e);
    }
  }

  private Object discriminatorOf(Class<?> variant) {
    int i = variants.indexOf(variant);
    if (i < 0) {
      throw new InvalidStatementException(model(), name(), variant.getName()
          + " is no variant of this field (variants: " + variants.stream()
          .map(Class::getSimpleName).toList() + ")");
    }
    return discriminators.get(i);
  }
}
