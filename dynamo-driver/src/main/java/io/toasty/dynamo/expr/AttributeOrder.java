package io.toasty.dynamo.expr;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's own ordering of attribute values, for the conditions the driver evaluates itself:
 * numbers by value, strings by their UTF-8 bytes, binary by unsigned bytes. Values of different
 * types are unordered and unequal.
 */
public final class AttributeOrder {
  private AttributeOrder() {}

  /** Whether {@code a} and {@code b} are equal as DynamoDB compares them. */
  public static boolean equal(AttributeValue a, AttributeValue b) {
    Integer c = compare(a, b);
    return c != null ? c == 0 : a.equals(b);
  }

  /** {@code a} compared with {@code b}, or null when they are not of one ordered type. */
  public static @Nullable Integer compare(AttributeValue a, AttributeValue b) {
    if (a.n() != null && b.n() != null) {
      return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
    }
    if (a.s() != null && b.s() != null) {
      return unsigned(a.s().getBytes(StandardCharsets.UTF_8),
          b.s().getBytes(StandardCharsets.UTF_8));
    }
    if (a.b() != null && b.b() != null) {
      return unsigned(a.b().asByteArrayUnsafe(), b.b().asByteArrayUnsafe());
    }
    return null;
  }

  private static int unsigned(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }
}
