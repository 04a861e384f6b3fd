package io.toasty.spring;

import io.micrometer.observation.ObservationRegistry;
import io.toasty.dynamo.DynamoDriver;
import io.toasty.error.InvalidModelException;
import io.toasty.error.UnsupportedFeatureException;
import io.toasty.reactive.Db;
import io.toasty.reactive.DbBuilder;
import io.toasty.reactive.Toasty;
import java.time.Duration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The beans of {@code ToastyDynamoAutoConfiguration}, the same on every Spring Boot version
 * (each starter's subclass orders it before its Boot version's {@code R2dbcAutoConfiguration}).
 * The {@code Db} on DynamoDB: from {@code toasty.url=dynamodb:...} (the driver then makes and
 * closes a client of its own) or, without {@code toasty.url}, on the application's
 * {@code DynamoDbAsyncClient} bean (left open: it is the application's). Spring's R2DBC
 * transactions do not apply; {@code db.transaction(..)} runs as DynamoDB allows.
 */
abstract class ToastyDynamoConfiguration {

  /**
   * The {@code Db} on DynamoDB (the models come from {@link ToastyDbConfiguration}), closed by
   * {@link #toastyDynamoClose}: Spring would call {@code close()} and drop the {@code Mono}.
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public Db toastyDb(ToastyModels models, ToastyProperties properties,
      ObjectProvider<DynamoDbAsyncClient> clients,
      ObjectProvider<ObservationRegistry> observations, BeanFactory beans) {
    DbBuilder builder = Toasty.builder().models(models.all())
        .planCacheSize(properties.getPlanCacheSize());
    String url = properties.getUrl();
    if (url != null) {
      builder.url(url);
    } else {
      DynamoDbAsyncClient client = clients.getObject();
      builder.driverFactory(config -> DynamoDriver.builder().client(client)
          .schema(config.schema()).tablePrefix(properties.getDynamo().getTablePrefix())
          .statementTimeout(config.statementTimeout()).build());
    }
    ToastyDbFactory.configure(builder, observations.getIfUnique(), beans, properties);
    try {
      return builder.build();
    } catch (InvalidModelException | UnsupportedFeatureException e) {
      throw new ToastyConfigurationException(ToastyConfigurationException.Problem.BAD_MODELS,
          e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ToastyConfigurationException(ToastyConfigurationException.Problem.UNKNOWN_URL,
          e.getMessage(), e);
    }
  }

  /** Closes the {@code Db} (and a client it made) when the context closes. */
  @Bean
  public DisposableBean toastyDynamoClose(Db db, ToastyProperties properties) {
    Duration limit = properties.getStartupTimeout();
    return () -> db.close().block(limit);
  }
}
