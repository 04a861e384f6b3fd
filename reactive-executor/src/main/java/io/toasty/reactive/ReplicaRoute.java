package io.toasty.reactive;

/**
 * Where a {@code Db} with read replicas sent a statement, and why ({@link Db#routeCounts()},
 * {@link ReplicaPolicy#observer}).
 *
 * @param target {@link #PRIMARY}, or {@code replica-<n>} for the n-th replica (from 0) in the
 *     order {@link DbBuilder#replica(String)} added them
 * @param why the reason for the choice
 */
public record ReplicaRoute(String target, Why why) {
  /** The primary's target name. */
  public static final String PRIMARY = "primary";

  /** Why a statement went where it went. */
  public enum Why {
    /** A read outside a transaction, on a usable replica. */
    READ,
    /** A read-only transaction, on a usable replica. */
    READ_ONLY_TRANSACTION,
    /** A write, batch, raw statement or read-write transaction: the primary. */
    WRITE,
    /** A statement in a transaction bound in the Context: the transaction's own node. */
    IN_TRANSACTION,
    /** A read on a connection bound by an outer transaction manager: the primary. */
    BOUND_CONNECTION,
    /** A read of a {@link ReadYourWrites} session within its window after a write: the primary. */
    READ_YOUR_WRITES,
    /** A read when no replica answered its check: the primary. */
    REPLICA_DOWN,
    /** A read when every replica that answered lagged beyond the limit: the primary. */
    REPLICA_LAGGING
  }

  /** The route of the {@code index}-th replica. */
  static String replica(int index) {
    return "replica-" + index;
  }
}
