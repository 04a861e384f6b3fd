package io.toasty.dynamo.op;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Approximate item sizes as DynamoDB counts them (names plus values), for its write limits. */
final class Sizes {
  private Sizes() {}

  static long item(Map<String, AttributeValue> item) {
    long n = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      n += utf8(e.getKey()) + value(e.getValue());
    }
    return n;
  }

  private static long value(AttributeValue a) {
    if (a.s() != null) {
      return utf8(a.s());
    }
    if (a.n() != null) {
      return a.n().length() / 2 + 2;
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
      return 3 + item(a.m());
    }
    return 1;
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
