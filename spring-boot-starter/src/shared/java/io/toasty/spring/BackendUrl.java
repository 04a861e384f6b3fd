package io.toasty.spring;

import org.jspecify.annotations.Nullable;

/** What a {@code toasty.url} names. */
final class BackendUrl {
  private BackendUrl() {}

  /** Whether {@code url} is a DynamoDB URL ({@code dynamodb:...}). */
  static boolean isDynamo(@Nullable String url) {
    return url != null && url.startsWith("dynamodb:");
  }
}
