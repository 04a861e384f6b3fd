package io.toasty.example.blog;

/** {@link BlogHttpContract} on the embedded default, H2 in memory. */
class BlogOnH2Test extends BlogHttpContract {
  @Override
  String uncommittedWritesQuery() {
    return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED";
  }
}
