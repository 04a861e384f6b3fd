package io.toasty;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The secret that signs pagination cursors (HMAC-SHA256), so that a cursor handed to a client
 * comes back unchanged or is refused. Each {@code Db} holds one: random by default, so cursors
 * stay valid for that {@code Db}'s life; set the same key on every instance of a service
 * ({@code DbBuilder.cursorKey(..)}) for cursors that survive restarts and load balancing.
 */
public final class CursorKey {
  private static final int MIN_LENGTH = 16;
  private final byte[] secret;

  private CursorKey(byte[] secret) {
    this.secret = secret;
  }

  /** A key of 32 random bytes from a {@link SecureRandom}. */
  public static CursorKey random() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new CursorKey(secret);
  }

  /**
   * A key over {@code secret} (copied), at least 16 bytes long.
   *
   * @throws IllegalArgumentException when the secret is shorter
   */
  public static CursorKey of(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_LENGTH) {
      throw new IllegalArgumentException("a cursor key needs at least " + MIN_LENGTH
          + " bytes, was " + secret.length);
    }
    return new CursorKey(secret.clone());
  }

  /** A copy of the secret, for the signing code. */
  byte[] secret() {
    return Arrays.copyOf(secret, secret.length);
  }

  @Override
  public String toString() {
    return "CursorKey[" + secret.length + " bytes]";
  }
}
