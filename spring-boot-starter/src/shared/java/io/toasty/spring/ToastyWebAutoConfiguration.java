package io.toasty.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

/**
 * In a WebFlux application, Toasty's errors that reach no handler become problem details
 * ({@link ToastyWebExceptionAdvice}); {@code toasty.web.problem-details=false} turns it off.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ProblemDetail.class)
@ConditionalOnProperty(prefix = "toasty.web", name = "problem-details", matchIfMissing = true)
public class ToastyWebAutoConfiguration {

  /** The advice, unless the application declares its own bean of that type. */
  @Bean
  @ConditionalOnMissingBean
  ToastyWebExceptionAdvice toastyWebExceptionAdvice() {
    return new ToastyWebExceptionAdvice();
  }
}
