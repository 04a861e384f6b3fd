package io.toasty.reactive.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * A Micrometer {@code Timer} per kind of statement, straight into a {@code MeterRegistry},
 * without an {@code ObservationRegistry}: named {@code toasty.statement}, tagged with
 * {@code backend}, {@code model}, {@code operation} ({@code select}, {@code insert},
 * {@code update}, {@code delete}) and {@code outcome} ({@code success}, {@code error},
 * {@code cancelled}: see {@link #outcome}). Values never become tags. A {@code Db} built with
 * {@code DbBuilder.meterRegistry(..)} records them unless it already has a
 * {@link MicrometerObserver}, whose observations make the timers then. Micrometer is an optional
 * dependency: this class loads it only when used.
 */
public final class StatementTimers implements StatementObserver {
  /** The timers' name, the one {@link MicrometerObserver}'s observations give theirs. */
  public static final String NAME = MicrometerObserver.NAME;
  private final MeterRegistry registry;

  /** Timers in {@code registry}. */
  public StatementTimers(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * {@code existing} (null for none) with timers in {@code registry} added, unless it has a
   * {@link MicrometerObserver} already: its observations time the statements, and a second
   * timer of the same name with other tags would clash in the registry.
   */
  public static StatementObserver addTo(@Nullable StatementObserver existing,
      MeterRegistry registry) {
    if (existing == null) {
      return new StatementTimers(registry);
    }
    return Observers.contains(existing, MicrometerObserver.class) ? existing
        : Observers.both(existing, new StatementTimers(registry));
  }

  /**
   * {@code error} when the statement failed; {@code cancelled} when its subscriber cancelled it
   * before its result was complete; else {@code success}, also for a subscriber that stopped
   * once it had every record the statement can emit (see {@link Observing}).
   */
  static String outcome(@Nullable Throwable error, boolean cancelled) {
    return error != null ? "error" : cancelled ? "cancelled" : "success";
  }

  @Override
  public StatementObservation start(StatementInfo info, ContextView context) {
    Timer.Sample sample = Timer.start(registry);
    return (rows, error, cancelled) -> sample.stop(Timer.builder(NAME)
        .description("statements the Db ran, by model, operation and outcome")
        .tag("backend", info.backend())
        .tag("model", info.model())
        .tag("operation", info.operation())
        .tag("outcome", outcome(error, cancelled))
        .register(registry));
  }
}
