package io.toasty.spring;

import io.toasty.reactive.Db;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * In a WebFlux application, a read-your-writes session per request for a {@code Db} with
 * read replicas ({@link ReadYourWritesWebFilter}, {@code io.toasty.reactive.ReadYourWrites});
 * {@code toasty.replicas.session-per-request=false} turns it off.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(prefix = "toasty.replicas", name = "session-per-request",
    matchIfMissing = true)
public class ToastyReplicaWebAutoConfiguration {

  /** The filter, unless the application declares its own bean of that type. */
  @Bean
  @ConditionalOnMissingBean
  ReadYourWritesWebFilter toastyReadYourWritesWebFilter(ObjectProvider<Db> db) {
    return new ReadYourWritesWebFilter(db);
  }
}
