package io.toasty.driver;

/**
 * A driver's connection pool at one moment, as its gauges read.
 *
 * @param maxSize   the most connections the pool opens
 * @param acquired  connections handed out and not yet given back
 * @param idle      connections open and free to take
 * @param allocated connections open (acquired plus idle)
 * @param pending   acquires waiting for a connection
 */
public record PoolState(int maxSize, int acquired, int idle, int allocated, int pending) {

  /** Whether every open connection is back in the pool and nobody waits for one. */
  public boolean quiet() {
    return acquired == 0 && pending == 0 && idle == allocated;
  }
}
