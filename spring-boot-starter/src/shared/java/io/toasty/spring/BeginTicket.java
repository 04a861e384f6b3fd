package io.toasty.spring;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who owns the connection of one transaction being begun, decided once: the transaction's
 * begin (the connection was handed over), or nobody any more (its subscriber left while the
 * connection was still coming, or the pool failed). {@link QueuedConnectionFactory} hands the
 * connection over through it; {@link ShieldedBegin} puts one in the Reactor context of the
 * begin it subscribes to, so that a cancel before the hand-over stops the wait and one after it
 * lets the begin run to its end.
 */
final class BeginTicket {
  private static final int CONNECTING = 0;
  private static final int HANDED_OVER = 1;
  private static final int CANCELLED = 2;
  private static final int FAILED = 3;
  private final AtomicInteger state = new AtomicInteger(CONNECTING);

  /** Whether the connection that came may go to the begin: false once it was given up. */
  boolean handOver() {
    return state.compareAndSet(CONNECTING, HANDED_OVER);
  }

  /** Marks the wait failed; false when it was given up first. */
  boolean fail() {
    return state.compareAndSet(CONNECTING, FAILED);
  }

  /** Gives the wait up if no connection was handed over yet; false once one was. */
  boolean cancelIfConnecting() {
    return state.compareAndSet(CONNECTING, CANCELLED);
  }

  /** Gives the wait up, whatever came first; true when a connection had been handed over. */
  boolean cancel() {
    return state.getAndSet(CANCELLED) == HANDED_OVER;
  }
}
