package io.toasty.spring;

import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/**
 * Spring Boot 4's auto-configuration classes that the shared tests (the Boot 3 starter's
 * src/shared-test) start, each in the module Boot 4 moved it to: spring-boot-r2dbc,
 * spring-boot-transaction, spring-boot-micrometer-observation, -metrics and -tracing(-brave).
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
  /** Micrometer Tracing over Brave (spring-boot-micrometer-tracing-brave): spans, MDC ids. */
  static final Class<?>[] TRACING = {MicrometerTracingAutoConfiguration.class,
      BraveAutoConfiguration.class};

  private Boot() {}
}
