package io.toasty.example.techempower;

/**
 * The {@code queries} parameter of {@code /queries} and {@code /updates}, read as TechEmpower's
 * verifier expects: a number from 1 to 500; missing, empty or not a number is 1, below 1 is 1,
 * above 500 is 500.
 */
final class QueriesParameter {
  private QueriesParameter() {}

  /** How many worlds {@code value} asks for. */
  static int count(String value) {
    if (value == null || value.isEmpty()) {
      return 1;
    }
    long n = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return 1;
      }
      n = Math.min(Integer.MAX_VALUE, n * 10 + (c - '0'));
    }
    return (int) Math.max(1, Math.min(TestHandlers.MAX_QUERIES, n));
  }
}
