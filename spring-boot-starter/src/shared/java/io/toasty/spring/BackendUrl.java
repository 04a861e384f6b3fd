package io.toasty.spring;

/** What a {@code toasty.url} names. */
final class BackendUrl {
  private BackendUrl() {}

  /** Whether {@code url} is a DynamoDB URL ({@code dynamodb:...}). */
  static boolean isDynamo(String url) {
    return url != null && url.startsWith("dynamodb:");
  }
}
