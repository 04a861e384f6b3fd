package io.toasty.dynamo.expr;

import io.toasty.value.Type;
import org.jspecify.annotations.Nullable;

/** The range of an integer field's type: DynamoDB's numbers have none of their own. */
final class IntegerRange {
  private IntegerRange() {}

  /** The least and greatest value of {@code type}, or null when it is not an integer type. */
  static long @Nullable [] of(Type type) {
    return type == Type.Scalar.I8 ? new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE}
        : type == Type.Scalar.I16 ? new long[] {Short.MIN_VALUE, Short.MAX_VALUE}
        : type == Type.Scalar.I32 ? new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}
        : type == Type.Scalar.I64 ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE} : null;
  }
}
