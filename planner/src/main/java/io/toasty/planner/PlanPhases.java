package io.toasty.planner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long each phase of one compile took, in nanoseconds, in phase order (eager, verify,
 * simplify, lower, plan, actions). A plan keeps its compile's; the first to {@link #claim} them
 * reports them (the statement that missed the plan cache, in practice), later ones get none, so
 * a log shows planning time once per compile.
 */
public final class PlanPhases {
  /** No phases: a plan made without timing. */
  public static final PlanPhases NONE = new PlanPhases(Map.of());

  private final Map<String, Long> nanos;
  private final AtomicBoolean claimed = new AtomicBoolean();

  /** The phases' times, in phase order. */
  public PlanPhases(Map<String, Long> nanos) {
    this.nanos = Collections.unmodifiableMap(new LinkedHashMap<>(nanos));
  }

  /** Each phase's nanoseconds, in phase order. */
  public Map<String, Long> nanos() {
    return nanos;
  }

  /** The phases' times the first time this is called; empty after, or when none were kept. */
  public Optional<Map<String, Long>> claim() {
    return nanos.isEmpty() || !claimed.compareAndSet(false, true) ? Optional.empty()
        : Optional.of(nanos);
  }

  /** A stopwatch for a compile: {@link #lap} after each phase. */
  static final class Timer {
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends phase {@code name}, which began at the previous lap. */
    void lap(String name) {
      long now = System.nanoTime();
      nanos.put(name, now - last);
      last = now;
    }

    PlanPhases phases() {
      return new PlanPhases(nanos);
    }
  }
}
