package io.toasty.example.blog.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.r2dbc.mapping.R2dbcMappingContext;

/**
 * Spring Data's mapping for the baseline: identifiers quoted, as Toasty's schema push quotes
 * them ({@code "posts"."author_id"}); unquoted, H2 would look for {@code POSTS}.
 */
@Configuration(proxyBeanMethods = false)
class BaselineMapping {
  @Bean
  R2dbcMappingContext r2dbcMappingContext() {
    R2dbcMappingContext context = new R2dbcMappingContext();
    context.setForceQuote(true);
    return context;
  }
}
