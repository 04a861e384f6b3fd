package io.toasty.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of every {@code Db} a scenario opens (a scenario takes it as a parameter): the
 * system's time in UTC until the scenario {@link #set}s it, then fixed at that instant until it
 * moves it again, so timestamps can be asserted exactly.
 */
public final class TckClock extends Clock {
  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  /** Fixes the time at {@code instant}. */
  public void set(Instant instant) {
    fixed.set(Objects.requireNonNull(instant, "instant"));
  }

  /** Moves a {@link #set} clock on by {@code step}. */
  public void advance(Duration step) {
    Objects.requireNonNull(step, "step");
    if (fixed.getAndUpdate(t -> t == null ? null : t.plus(step)) == null) {
      throw new IllegalStateException("set the clock before advancing it");
    }
  }

  @Override
  public Instant instant() {
    Instant t = fixed.get();
    return t != null ? t : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the TCK's clock stays in UTC");
  }
}
