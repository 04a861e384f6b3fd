package io.toasty.neo4j.cypher;

/**
 * A node's write lock, taken in Cypher by a property set and removed within one statement:
 * Neo4j's documented way to lock a node without changing it (its operations manual, "Locks and
 * deadlocks"). The lock holds until the transaction ends; nothing of the property is stored. A
 * {@code MATCH .. WHERE} reads without locking, so what follows the lock tests its filter again
 * on what is committed by then.
 */
final class CypherLocks {
  private static final String LOCK_PROPERTY = "`__toasty_lock`";

  private CypherLocks() {}

  /** {@code SET v.lock = true REMOVE v.lock WITH <carried>}: the node {@code v} locked. */
  static void lock(StringBuilder out, String v, String carried) {
    out.append(" SET ").append(v).append('.').append(LOCK_PROPERTY).append(" = true REMOVE ")
        .append(v).append('.').append(LOCK_PROPERTY).append(" WITH ").append(carried);
  }
}
