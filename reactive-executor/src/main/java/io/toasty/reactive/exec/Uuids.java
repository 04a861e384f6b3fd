package io.toasty.reactive.exec;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID generation for {@code @Auto} keys without blocking: a DRBG seeded once at class load, so
 * no call reads {@code /dev/urandom} on a Reactor thread. Version 7 follows RFC 9562 §5.7 with a
 * 12-bit counter in {@code rand_a} (method 1 of §6.2), so keys made in one millisecond by this JVM
 * still sort in creation order.
 */
public final class Uuids {
  private static final SecureRandom RANDOM = seeded();
  private static long lastMillis;
  private static int counter;

  private Uuids() {}

  private static SecureRandom seeded() {
    try {
      SecureRandom r = SecureRandom.getInstance("DRBG");
      r.nextBytes(new byte[16]);
      return r;
    } catch (NoSuchAlgorithmException e) {
      SecureRandom r = new SecureRandom();
      r.nextBytes(new byte[16]);
      return r;
    }
  }

  /** A random (version 4) UUID. */
  public static UUID v4() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    return new UUID(toLong(b, 0), toLong(b, 8));
  }

  /** A time-ordered (version 7) UUID: unix milliseconds, a counter, and 62 random bits. */
  public static UUID v7() {
    long millis;
    int seq;
    synchronized (Uuids.class) {
      long now = System.currentTimeMillis();
      if (now > lastMillis) {
        lastMillis = now;
        counter = RANDOM.nextInt(1 << 11); // leave headroom before the counter overflows
      } else if (++counter > 0xfff) {
        lastMillis++;
        counter = 0;
      }
      millis = lastMillis;
      seq = counter;
    }
    long high = (millis & 0xffff_ffff_ffffL) << 16 | 0x7000L | seq;
    long low = RANDOM.nextLong() & 0x3fff_ffff_ffff_ffffL | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }

  private static long toLong(byte[] b, int from) {
    long out = 0;
    for (int i = from; i < from + 8; i++) {
      out = out << 8 | (b[i] & 0xff);
    }
    return out;
  }
}
