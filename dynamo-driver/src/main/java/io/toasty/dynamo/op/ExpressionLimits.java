package io.toasty.dynamo.op;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB's limits on a request's expressions: a condition or filter expression longer than
 * {@value #MAX_EXPRESSION_BYTES} bytes is refused by the server ({@code ValidationException:
 * Expression size has exceeded the maximum allowed size}), so the driver checks such a filter
 * itself on each item instead of sending it.
 */
final class ExpressionLimits {
  /** The longest expression DynamoDB accepts (4 KB). */
  static final int MAX_EXPRESSION_BYTES = 4096;

  private ExpressionLimits() {}

  /** Whether {@code expression} (null: none) is too long to send. */
  static boolean tooLong(@Nullable String expression) {
    return expression != null
        && expression.getBytes(StandardCharsets.UTF_8).length > MAX_EXPRESSION_BYTES;
  }
}
