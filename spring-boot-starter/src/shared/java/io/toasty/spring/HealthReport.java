package io.toasty.spring;

import io.toasty.reactive.Db;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What the {@code toasty} health indicator reports, whatever Spring Boot's health types are
 * called in its version (Boot 3: {@code org.springframework.boot.actuate.health}; Boot 4:
 * {@code org.springframework.boot.health.contributor}): up or down, the error, and the details.
 *
 * @param up      whether the round trip succeeded
 * @param error   why not, or null
 * @param details the backend, the latency, the model count, the plan cache's and the pool's figures
 */
record HealthReport(boolean up, @Nullable Throwable error, Map<String, Object> details) {

  /** One round trip through {@code db} ({@link Db#health()}) and its details. */
  static Mono<HealthReport> of(Db db) {
    return db.health().map(h -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("backend", h.backend());
      details.put("latencyMillis", h.latency().toNanos() / 1e6);
      details.put("models", db.models().models().size());
      details.put("planCacheSize", db.planCacheStats().size());
      details.put("planCacheHits", db.planCacheStats().hits());
      h.poolState().ifPresent(p -> {
        details.put("poolMaxSize", p.maxSize());
        details.put("poolAcquired", p.acquired());
        details.put("poolIdle", p.idle());
        details.put("poolPending", p.pending());
      });
      return new HealthReport(h.up(), h.error(), details);
    });
  }
}
