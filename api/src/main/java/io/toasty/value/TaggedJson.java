package io.toasty.value;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value of a sealed interface of records stored as one JSON document: the variant as the
 * codec writes its own record, with the variant's discriminator put first under {@code key}
 * ({@code {"type":"suspended","reason":"spam"}}, Jackson's "type id as a property"). The
 * discriminator, not the class name, names the variant, so renaming a variant class keeps
 * reading the documents written before.
 *
 * @param key           the member holding the discriminator
 * @param discriminator the variant's discriminator: a {@code String} or an {@code Integer}
 * @param variant       the value, a record
 */
public record TaggedJson(String key, Object discriminator, Object variant) {
  public TaggedJson {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(variant, "variant");
    if (!(discriminator instanceof String) && !(discriminator instanceof Integer)) {
      throw new IllegalArgumentException("a discriminator is a String or an Integer, not "
          + discriminator);
    }
  }

  /**
   * The document's text: the variant written by {@code codec} as its own class, the
   * discriminator first.
   *
   * @throws Exception when the codec fails, writes no JSON object, or writes a member named
   *     {@code key} itself (the document could not say which variant it holds)
   */
  public String write(JsonCodec codec) throws Exception {
    String body = codec.write(variant, variant.getClass()).strip();
    if (!body.startsWith("{") || !body.endsWith("}")) {
      throw new IllegalArgumentException("the codec wrote " + variant.getClass().getName()
          + " as no JSON object, so it has no place for its discriminator");
    }
    if (JsonMembers.untag(body, key) != null) {
      throw new IllegalArgumentException("the codec wrote a member \"" + key + "\" of "
          + variant.getClass().getName() + ", where the discriminator goes");
    }
    String tag = "\"" + key + "\":" + (discriminator instanceof String s
        ? codec.write(s, String.class) : discriminator.toString());
    String members = body.substring(1, body.length() - 1).strip();
    return "{" + tag + (members.isEmpty() ? "" : "," + members) + "}";
  }

  /**
   * A stored document split at its discriminator.
   *
   * @param discriminator the discriminator's JSON text: a string literal or a number
   * @param variant       the document without it, which the codec reads as the variant's record
   */
  public record Stored(String discriminator, String variant) {}

  /** The stored document {@code text} split at its top-level member {@code key}; null if none. */
  public static @Nullable Stored untag(String text, String key) {
    return JsonMembers.untag(text, key);
  }
}
