package io.toasty;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value kept out of text: a model field of type {@code Secret<T>} is stored as its
 * {@code T}, read back wrapped, and shown as {@link Redaction#MASK} by {@link #toString()}, so a
 * record's own {@code toString()} (Java's, which the library does not change), a log line or an
 * error message that prints the record shows no secret. The field is also sensitive to the
 * library as {@code @Sensitive} makes one: redacted from its messages, logs, {@code explain()}
 * and errors. Filter with the path as usual ({@code Users.PASSWORD.eq("s3cret")}); read the
 * value with {@link #value()}.
 *
 * <pre>{@code
 * @Model
 * public record Account(@Key UUID id, String owner, Secret<String> apiKey) {}
 *
 * Accounts.create().id(id).owner("ann").apiKey(Secret.of(key)).exec(db);
 * account.toString();          // Account[id=..., owner=ann, apiKey=***]
 * account.apiKey().value();    // the key
 * }</pre>
 *
 * <p>Equal when the values are equal, so records holding one compare as usual. Immutable.
 *
 * @param <T> the stored type: any type a model field may have
 */
public final class Secret<T> {
  private final T value;

  private Secret(T value) {
    this.value = value;
  }

  /** {@code value}, kept out of text. */
  public static <T> Secret<T> of(T value) {
    return new Secret<>(Objects.requireNonNull(value, "value"));
  }

  /** The value of {@code s}, or null for a null {@code s} (the generated setters use it). */
  public static <T> @Nullable T reveal(@Nullable Secret<T> s) {
    return s == null ? null : s.value;
  }

  /** The value itself. */
  public T value() {
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Secret<?> s && Objects.deepEquals(s.value, value);
  }

  @Override
  public int hashCode() {
    return value instanceof byte[] b ? Arrays.hashCode(b) : value.hashCode();
  }

  /** {@link Redaction#MASK}, whatever the value: not even its length shows. */
  @Override
  public String toString() {
    return Redaction.MASK;
  }
}
