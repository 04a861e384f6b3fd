package io.toasty.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * In a WebFlux application, each request's tenant ({@link TenantWebFilter}) as a
 * {@link TenantResolver} bean reads it: the application's own, else one from
 * {@code toasty.tenant.header} (the header naming the tenant), else, with Spring Security on the
 * class path and {@code toasty.tenant.from-principal=true}, the authenticated principal's name.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ToastyTenantWebAutoConfiguration {

  /** The filter, unless the application declares its own bean of that type. */
  @Bean
  @ConditionalOnMissingBean
  TenantWebFilter toastyTenantWebFilter(ObjectProvider<TenantResolver> resolver) {
    return new TenantWebFilter(resolver);
  }

  /** The header resolver, where {@code toasty.tenant.header} names the header. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "toasty.tenant", name = "header")
  TenantResolver toastyHeaderTenantResolver(Environment environment) {
    return TenantResolver.header(environment.getRequiredProperty("toasty.tenant.header"));
  }

  /** The principal resolver: only with Spring Security, and only when asked for. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.security.core.Authentication")
  @ConditionalOnProperty(prefix = "toasty.tenant", name = "from-principal", havingValue = "true")
  static class FromPrincipal {
    @Bean
    @ConditionalOnMissingBean
    TenantResolver toastyPrincipalTenantResolver() {
      return TenantResolver.principal();
    }
  }
}
