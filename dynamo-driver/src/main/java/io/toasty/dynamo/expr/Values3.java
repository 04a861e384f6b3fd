package io.toasty.dynamo.expr;

import io.toasty.dynamo.codec.AttributeCodec;
import io.toasty.stmt.ExprNode;
import io.toasty.stmt.ExprNode.CompareOp;
import io.toasty.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Comparisons evaluated by the driver, with three-valued logic (null is "unknown") and DynamoDB's
 * ordering of the stored attributes, so that they agree with what DynamoDB itself would decide.
 */
final class Values3 {
  private Values3() {}

  /** {@code a op b} for two values. */
  static @Nullable Boolean compare(CompareOp op, Value a, Value b) {
    if (a.isNull() || b.isNull()) {
      return null;
    }
    return compare(op, AttributeCodec.encode(a), AttributeCodec.encode(b));
  }

  /** {@code a op b} for two attributes; null (a missing attribute) is unknown. */
  static @Nullable Boolean compare(CompareOp op, @Nullable AttributeValue a,
      @Nullable AttributeValue b) {
    if (a == null || b == null || isNull(a) || isNull(b)) {
      return null;
    }
    Integer c = AttributeOrder.compare(a, b);
    if (c == null) {
      boolean equal = a.equals(b);
      return switch (op) {
        case EQ -> equal;
        case NE -> !equal;
        default -> false;
      };
    }
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
    };
  }

  /** {@code a IS NOT DISTINCT FROM b}: never unknown. */
  static boolean notDistinct(Value a, Value b) {
    if (a.isNull() || b.isNull()) {
      return a.isNull() && b.isNull();
    }
    return Boolean.TRUE.equals(compare(CompareOp.EQ, a, b)); // neither is NULL: never unknown
  }

  /** Whether string {@code text} starts with or contains {@code pattern}; null is unknown. */
  static @Nullable Boolean matches(ExprNode.PatternKind kind, Value text, Value pattern) {
    if (text.isNull() || pattern.isNull()) {
      return null;
    }
    return matches(kind, AttributeCodec.encode(text), AttributeCodec.encode(pattern));
  }

  static @Nullable Boolean matches(ExprNode.PatternKind kind, @Nullable AttributeValue text,
      @Nullable AttributeValue pattern) {
    if (text == null || pattern == null || isNull(text) || isNull(pattern)) {
      return null;
    }
    if (text.s() == null || pattern.s() == null) {
      return false;
    }
    return kind == ExprNode.PatternKind.STARTS_WITH ? text.s().startsWith(pattern.s())
        : text.s().contains(pattern.s());
  }

  static boolean isNull(@Nullable AttributeValue a) {
    return a == null || Boolean.TRUE.equals(a.nul());
  }
}
