package io.toasty.dynamo.op;

import io.toasty.dynamo.table.TableInfo;
import io.toasty.error.ItemTooLargeException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item sizes as DynamoDB counts them, for its limits: each attribute's name (UTF-8 bytes) plus
 * its value: a string's UTF-8 bytes; a number's 1 byte per two significant digits plus 1; a
 * binary's bytes; a boolean or null 1 byte; a list or map 3 bytes plus 1 per element plus the
 * elements (a map's with their names); a set the sum of its elements.
 */
final class Sizes {
  /** DynamoDB's largest item, 400 KB. */
  static final long MAX_ITEM_BYTES = 400L * 1024;

  private Sizes() {}

  static long item(Map<String, AttributeValue> item) {
    long n = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      n += utf8(e.getKey()) + value(e.getValue());
    }
    return n;
  }

  /**
   * Refuses {@code item} of {@code t} when it is larger than DynamoDB stores: an
   * {@link ItemTooLargeException} naming the model and the size, before anything is sent.
   */
  static void checkItem(TableInfo t, Map<String, AttributeValue> item) {
    long size = item(item);
    if (size > MAX_ITEM_BYTES) {
      throw new ItemTooLargeException(TableInfo.BACKEND, t.model() == null ? t.name() : t.model(),
          size, MAX_ITEM_BYTES);
    }
  }

  static long value(AttributeValue a) {
    if (a.s() != null) {
      return utf8(a.s());
    }
    if (a.n() != null) {
      return number(a.n());
    }
    if (a.b() != null) {
      return a.b().asByteArrayUnsafe().length;
    }
    if (a.hasL()) {
      long n = 3;
      for (AttributeValue v : a.l()) {
        n += value(v) + 1;
      }
      return n;
    }
    if (a.hasM()) {
      return 3 + a.m().size() + item(a.m());
    }
    if (a.hasSs()) {
      return a.ss().stream().mapToLong(Sizes::utf8).sum();
    }
    if (a.hasNs()) {
      return a.ns().stream().mapToLong(Sizes::number).sum();
    }
    if (a.hasBs()) {
      return a.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
    }
    return 1; // BOOL, NULL
  }

  /** 1 byte per two significant digits (leading and trailing zeros trimmed), plus 1. */
  static long number(String n) {
    String digits;
    try {
      digits = new BigDecimal(n).abs().stripTrailingZeros().unscaledValue().toString();
    } catch (NumberFormatException e) {
      digits = n; // not a number DynamoDB accepts: it refuses the request itself
    }
    return (digits.length() + 1) / 2 + 1;
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
