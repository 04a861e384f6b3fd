package io.toasty.example.blog;

/** {@link BlogHttpContract} on the embedded default, H2 in memory. */
class BlogOnH2Test extends BlogHttpContract {
  /** H2 has no change streams: GET /posts/changes is a 501. */
  @Override
  java.util.Optional<String> listenersQuery() {
    return java.util.Optional.empty();
  }

  @Override
  String uncommittedWritesQuery() {
    return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED";
  }

  /** H2 lists no transaction that has not written: a session holding writes, idle. */
  @Override
  String sessionsInATransactionQuery() {
    return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED"
        + " AND EXECUTING_STATEMENT IS NULL";
  }
}
