package io.toasty.reactive.observe;

import reactor.util.context.ContextView;

/**
 * Watches every statement a {@code Db} runs: {@link #start} when a subscriber subscribes, then
 * {@link StatementObservation#end} exactly once. Set one with
 * {@code DbBuilder.observer(..)}; {@link MicrometerObserver} makes one Micrometer
 * {@code Observation} per statement. Both methods run on the statement's thread, so they must
 * not block.
 */
public interface StatementObserver {

  /**
   * A statement starts.
   *
   * @param context the subscriber's Reactor Context (a parent observation or trace lives there)
   */
  StatementObservation start(StatementInfo info, ContextView context);
}
