package io.toasty;

import io.toasty.error.InvalidCursorException;
import io.toasty.internal.KeysetOrder;
import io.toasty.value.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a position in a {@link KeysetOrder} into an opaque cursor and back: version, order shape
 * hash, flags and the typed key values, then an HMAC-SHA256 tag (first 16 bytes) under the
 * {@code Db}'s {@link CursorKey}, in URL-safe base64 without padding. Decoding checks the tag
 * before it reads anything else, then the shape, then each value against its field's type.
 */
final class CursorCodec {
  private static final byte VERSION = 1;
  private static final int TAG = 16;
  private static final int MAX_CURSOR = 16_384;

  /** A decoded position: the key values, and whether the record at them belongs to the page. */
  record Position(Value[] key, boolean inclusive) {}

  private CursorCodec() {}

  static String encode(KeysetOrder order, CursorKey secret, Value[] key, boolean inclusive) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      out.write(order.shape());
      out.writeByte(inclusive ? 1 : 0);
      for (int i = 0; i < key.length; i++) {
        out.writeBoolean(!key[i].isNull());
        if (!key[i].isNull()) {
          CursorValues.write(out, order.terms().get(i).field().type(), key[i]);
        }
      }
      return sign(secret, bytes.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
  }

  /**
   * The position {@code cursor} names in {@code order}.
   *
   * @throws InvalidCursorException when it is not a cursor of this order signed with {@code
   *     secret}
   */
  static Position decode(KeysetOrder order, CursorKey secret, String cursor) {
    String model = order.model().name();
    if (cursor.isEmpty() || cursor.length() > MAX_CURSOR) {
      throw new InvalidCursorException(model, "empty or too long");
    }
    byte[] all;
    try {
      all = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException(model, "not URL-safe base64");
    }
    if (!Base64.getUrlEncoder().withoutPadding().encodeToString(all).equals(cursor)) {
      // the decoder ignores the unused low bits of the last character: one cursor, one spelling
      throw new InvalidCursorException(model, "not in the form this library writes");
    }
    if (all.length < 1 + 8 + 1 + TAG) {
      throw new InvalidCursorException(model, "truncated");
    }
    byte[] body = Arrays.copyOf(all, all.length - TAG);
    byte[] tag = Arrays.copyOfRange(all, all.length - TAG, all.length);
    if (!MessageDigest.isEqual(tag, Arrays.copyOf(tag(secret, body), TAG))) {
      throw new InvalidCursorException(model, "its signature does not match (altered, "
          + "truncated, or signed by another Db's cursor key)");
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
    try {
      if (in.readByte() != VERSION) {
        throw new InvalidCursorException(model, "unknown cursor version");
      }
      if (!Arrays.equals(in.readNBytes(8), order.shape())) {
        throw new InvalidCursorException(model, "made by a query of another model or order");
      }
      boolean inclusive = in.readByte() == 1;
      Value[] key = new Value[order.terms().size()];
      for (int i = 0; i < key.length; i++) {
        key[i] = value(in, order.terms().get(i), model);
      }
      if (in.available() > 0) {
        throw new InvalidCursorException(model, "trailing bytes after its values");
      }
      return new Position(key, inclusive);
    } catch (IOException e) {
      throw new InvalidCursorException(model, "its values end early");
    }
  }

  private static Value value(DataInputStream in, KeysetOrder.Term term, String model)
      throws IOException {
    if (!in.readBoolean()) {
      if (!term.field().nullable()) {
        throw new InvalidCursorException(model, "NULL for required field "
            + term.field().name());
      }
      return Value.NULL;
    }
    try {
      return CursorValues.read(in, term.field().type());
    } catch (IOException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidCursorException(model, "a value that does not fit field "
          + term.field().name() + " (" + term.field().type() + ")");
    }
  }

  /** {@code body} and its tag, in URL-safe base64. */
  static String sign(CursorKey secret, byte[] body) {
    byte[] all = Arrays.copyOf(body, body.length + TAG);
    System.arraycopy(tag(secret, body), 0, all, body.length, TAG);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
  }

  private static byte[] tag(CursorKey secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.secret(), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no HmacSHA256", e);
    }
  }
}
