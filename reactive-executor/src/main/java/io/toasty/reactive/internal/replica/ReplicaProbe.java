package io.toasty.reactive.internal.replica;

import io.toasty.reactive.Db;
import io.toasty.reactive.Health;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Whether one replica may serve reads now: its lag query's answer against the limit, or its
 * health where no lag query is set; the verdict stands for the probe interval, so that a busy
 * {@code Db} checks a replica once per interval, not once per read.
 */
public final class ReplicaProbe {
  /** What a check found. */
  public enum Verdict { USABLE, DOWN, LAGGING }

  private final Db replica;
  private final @Nullable String lagQuery;
  /** The lag limit in seconds (unused without a lag query). */
  private final double maxLagSeconds;
  private final Mono<Verdict> verdict;

  public ReplicaProbe(Db replica, @Nullable String lagQuery, @Nullable Duration maxLag,
      Duration interval) {
    this.replica = replica;
    this.lagQuery = lagQuery;
    this.maxLagSeconds = maxLag == null ? 0 : maxLag.toNanos() / 1e9;
    Mono<Verdict> once = Mono.defer(this::check);
    this.verdict = interval.isZero() ? once
        : once.cache(v -> interval, e -> interval, () -> interval);
  }

  /** The replica's verdict: a fresh check, or the last one while it stands. Never fails. */
  public Mono<Verdict> verdict() {
    return verdict;
  }

  /** The replica's {@code Db}. */
  public Db replica() {
    return replica;
  }

  private Mono<Verdict> check() {
    if (lagQuery == null) {
      return replica.health().map(h -> h.status() == Health.Status.UP ? Verdict.USABLE
          : Verdict.DOWN);
    }
    return replica.sql(lagQuery).rows().next()
        .map(row -> ((Number) Objects.requireNonNull(row.get(0, Object.class), "lag"))
            .doubleValue())
        .map(lag -> lag > maxLagSeconds ? Verdict.LAGGING : Verdict.USABLE)
        .defaultIfEmpty(Verdict.DOWN)
        // a replica that cannot answer its lag query (down, or not a replica) is skipped
        .onErrorResume(e -> Mono.just(Verdict.DOWN));
  }
}
