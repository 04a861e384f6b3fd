package io.toasty.spring;

import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.spi.ConnectionFactory;
import io.toasty.CursorKey;
import io.toasty.ModelDef;
import io.toasty.error.InvalidModelException;
import io.toasty.r2dbc.FactoryDriver;
import io.toasty.r2dbc.R2dbcDrivers;
import io.toasty.reactive.Db;
import io.toasty.reactive.DbBuilder;
import io.toasty.reactive.Toasty;
import io.toasty.reactive.hook.ModelHook;
import io.toasty.reactive.observe.LoggingObserver;
import io.toasty.reactive.observe.MicrometerObserver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;

/** Builds the {@code Db} on the application's {@code ConnectionFactory}, explaining failures. */
final class ToastyDbFactory {
  private ToastyDbFactory() {}

  /**
   * A {@code Db} whose statements take connections from {@code factory} (no pool of its own) and
   * join the Spring transaction bound in the subscriber's Context, if any.
   *
   * @param url the factory's URL when known (it names the dialect), else null: the factory's
   *     product name does
   */
  static Db build(ConnectionFactory factory, @Nullable String url, List<ModelDef<?>> models,
      ToastyProperties properties, @Nullable ObservationRegistry observations,
      BeanFactory beans) {
    AtomicReference<FactoryDriver> driver = new AtomicReference<>();
    DbBuilder builder = Toasty.builder()
        .models(models)
        .planCacheSize(properties.getPlanCacheSize())
        .driverFactory(config -> {
          driver.set(R2dbcDrivers.onConnectionFactory(factory, config));
          return driver.get();
        })
        .connectionBinding(new SpringTransactionBinding(factory, c -> Objects.requireNonNull(
            driver.get(), "the Db makes its driver before it binds a connection").adopt(c)));
    if (url != null) {
      builder.url(url);
    }
    configure(builder, observations, beans, properties);
    try {
      return builder.build();
    } catch (InvalidModelException e) {
      throw new ToastyConfigurationException(ToastyConfigurationException.Problem.BAD_MODELS,
          e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ToastyConfigurationException(ToastyConfigurationException.Problem.UNKNOWN_URL,
          e.getMessage(), e);
    }
  }

  /**
   * What every starter-made {@code Db} gets, on any backend: a log line per statement
   * ({@code toasty.slow-statement-threshold}), with its values when {@code toasty.log-values} is
   * set, retries ({@code toasty.retry.*}), timeouts
   * ({@code toasty.statement-timeout}, {@code toasty.transaction-timeout},
   * {@code toasty.acquire-timeout}), the cursor key
   * ({@code toasty.cursor-key}), transaction retries ({@code toasty.transaction-retry.*}), and
   * one Micrometer observation per statement when the application has an
   * {@code ObservationRegistry}, else a timer per statement in its {@code MeterRegistry} if it
   * has one, the read replicas ({@code toasty.replicas.*}), and every {@link ModelHook} bean as
   * a lifecycle hook ({@code beans} is where to look; null: nowhere).
   */
  static void configure(DbBuilder builder, @Nullable ObservationRegistry observations,
      @Nullable BeanFactory beans,
      ToastyProperties properties) {
    if (properties.getCursorKey() != null) {
      builder.cursorKey(cursorKey(properties.getCursorKey()));
    }
    builder.observer(new LoggingObserver(properties.getSlowStatementThreshold()));
    builder.logValues(properties.isLogValues());
    builder.coalesceGets(properties.isCoalesceGets());
    builder.coalesceLists(properties.isCoalesceLists());
    builder.coalesceUpdates(properties.isCoalesceUpdates());
    builder.pipelineReads(properties.isPipelineReads());
    builder.mergeBatchUpdates(properties.isMergeBatchUpdates());
    builder.changeBuffer(properties.getChangeBuffer());
    builder.retry(properties.getRetry().policy());
    builder.transactionRetry(properties.getTransactionRetry().policy());
    builder.acquireTimeout(properties.getAcquireTimeout());
    if (properties.getNaming() != null) {
      // unset: the backend's own naming (Capability.naming())
      builder.naming(properties.getNaming().strategy());
    }
    if (properties.getStatementTimeout() != null) {
      builder.statementTimeout(properties.getStatementTimeout());
    }
    if (properties.getTransactionTimeout() != null) {
      builder.transactionTimeout(properties.getTransactionTimeout());
    }
    if (observations != null && !observations.isNoop()) {
      builder.observer(new MicrometerObserver(observations));
    } else {
      MeterRegistries.apply(builder, beans);
    }
    properties.getReplicas().apply(builder, properties.getPoolMaxSize());
    if (beans != null) {
      // the application's lifecycle hooks, in their @Order
      beans.getBeanProvider(ModelHook.class).orderedStream().forEach(builder::hook);
    }
  }

  private static CursorKey cursorKey(String secret) {
    try {
      return CursorKey.of(secret.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new ToastyConfigurationException(
          ToastyConfigurationException.Problem.BAD_CURSOR_KEY, "toasty.cursor-key: "
          + e.getMessage(), e);
    }
  }
}
