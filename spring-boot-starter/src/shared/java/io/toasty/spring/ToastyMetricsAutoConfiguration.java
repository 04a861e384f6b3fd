package io.toasty.spring;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.toasty.reactive.Db;
import io.toasty.reactive.observe.PoolMetrics;
import io.toasty.reactive.observe.TransactionMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The {@code Db}'s pool gauges ({@code toasty.pool.*}) and transaction statistics
 * ({@code toasty.transactions*}) in the application's {@code MeterRegistry}, with Micrometer on
 * the class path. Statement timers come from the observations ({@code toasty.statement}) that the
 * {@code Db} makes when the application has an {@code ObservationRegistry}, as Actuator provides.
 */
@AutoConfiguration(after = {ToastyAutoConfiguration.class, ToastyDynamoAutoConfiguration.class})
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(Db.class)
public class ToastyMetricsAutoConfiguration {

  /** Binds the gauges when Boot binds its meter binders. */
  @Bean
  public MeterBinder toastyPoolMetrics(Db db) {
    return registry -> PoolMetrics.bind(db, registry);
  }

  /**
   * Binds the transaction statistics when Boot binds its meter binders: the {@code Db}'s own
   * ({@code manager=toasty}) and those of Spring's transaction manager on its pool
   * ({@code manager=spring}).
   */
  @Bean
  public MeterBinder toastyTransactionMetrics(Db db,
      ObjectProvider<SpringTransactionStats> spring) {
    return registry -> {
      TransactionMetrics.bind(db, registry);
      spring.ifAvailable(stats -> TransactionMetrics.bind(stats, db.capability().backend(),
          "spring", SpringTransactionStats::stats, SpringTransactionStats::times, registry));
    };
  }
}
