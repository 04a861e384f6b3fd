package io.toasty.reactive;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A turn at a {@link Db}'s connection gate, held by someone else who takes a connection from the
 * {@code Db}'s pool (the Spring Boot starters' transaction manager): while held, the gate counts
 * one of the pool's connections as taken, so that requests waiting at the gate are served in
 * the order they came, whoever takes the connection. Made by {@link Db#connectionPermit()};
 * {@link #release()} gives it back once the connection is back in the pool.
 */
public final class ConnectionPermit {
  private final Runnable release;
  private final AtomicBoolean released = new AtomicBoolean();

  ConnectionPermit(Runnable release) {
    this.release = release;
  }

  /**
   * Gives the permit back, so that the next request waiting at the gate may take a connection;
   * later calls do nothing. Call it once the connection taken under it is back in the pool.
   */
  public void release() {
    if (released.compareAndSet(false, true)) {
      release.run();
    }
  }
}
