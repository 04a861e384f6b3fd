package io.toasty.reactive.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.toasty.reactive.ReplicaRoute;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The routes of a {@code Db} with read replicas in a Micrometer {@code MeterRegistry}: a counter
 * {@code toasty.replica.routes} per {@code target} ({@code primary}, {@code replica-0}, ..) and
 * {@code why} (the {@link ReplicaRoute.Why}, lower case), tagged with {@code db.backend}.
 * {@code DbBuilder.meterRegistry} installs it on a {@code Db} with replicas. Micrometer is an
 * optional dependency: this class loads it only when used.
 */
public final class ReplicaRouteMetrics {
  /** The counter's name. */
  public static final String NAME = "toasty.replica.routes";

  private ReplicaRouteMetrics() {}

  /** An observer that counts each route in {@code registry}. */
  public static Consumer<ReplicaRoute> observer(MeterRegistry registry, String backend) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(backend, "backend");
    Map<ReplicaRoute, Counter> counters = new ConcurrentHashMap<>();
    return route -> counters.computeIfAbsent(route, r -> Counter.builder(NAME)
        .tag("db.backend", backend)
        .tag("target", r.target())
        .tag("why", r.why().name().toLowerCase(java.util.Locale.ROOT))
        .description("statements routed to the primary or a read replica")
        .register(registry)).increment();
  }
}
