package io.toasty.spring;

import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.BraveAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.dao.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;

/**
 * Spring Boot 3's auto-configuration classes that the shared tests (src/shared-test) start:
 * Boot 4 moved each to a module and package of its own, and its starter's {@code Boot} names
 * those.
 */
final class Boot {
  static final Class<?> R2DBC = R2dbcAutoConfiguration.class;
  static final Class<?> R2DBC_TRANSACTIONS = R2dbcTransactionManagerAutoConfiguration.class;
  static final Class<?> TRANSACTIONS = TransactionAutoConfiguration.class;
  /** Translation of what {@code @Repository} beans throw, by the PersistenceExceptionTranslators. */
  static final Class<?> EXCEPTION_TRANSLATION =
      PersistenceExceptionTranslationAutoConfiguration.class;
  static final Class<?>[] OBSERVATION_AND_METRICS = {ObservationAutoConfiguration.class,
      MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
      SimpleMetricsExportAutoConfiguration.class};
  /** Micrometer Tracing over Brave: a span per observation, its ids in the MDC. */
  static final Class<?>[] TRACING = {MicrometerTracingAutoConfiguration.class,
      BraveAutoConfiguration.class};

  private Boot() {}
}
