package io.toasty.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

/**
 * The transaction manager that a {@code TransactionInterceptor} runs a transactional method's
 * transactions with, found as Spring 6.2 and 7 find it
 * ({@code TransactionAspectSupport.determineTransactionManager}): the attribute's qualifier
 * ({@code @Transactional("jpa")}), else the target class's {@code @Qualifier}, else the
 * interceptor's default manager, else the one {@code TransactionManager} bean (or the primary).
 * An interceptor given a default manager by bean name only is not read (Spring keeps the name to
 * itself): such methods are looked up as if it had none.
 */
final class TransactionManagerLookup {
  private final BeanFactory beans;
  private final TransactionInterceptor interceptor;

  TransactionManagerLookup(BeanFactory beans, TransactionInterceptor interceptor) {
    this.beans = beans;
    this.interceptor = interceptor;
  }

  /** The manager of {@code attribute} on {@code targetClass}, or null when none is found. */
  @Nullable TransactionManager managerOf(TransactionAttribute attribute,
      @Nullable Class<?> targetClass) {
    try {
      String qualifier = attribute.getQualifier();
      if (StringUtils.hasText(qualifier)) {
        return qualified(qualifier);
      }
      String typeQualifier = targetClass == null ? null
          : BeanFactoryAnnotationUtils.getQualifierValue(targetClass);
      if (StringUtils.hasText(typeQualifier)) {
        try {
          return qualified(typeQualifier);
        } catch (NoSuchBeanDefinitionException e) {
          // optional, as for Spring: the lookup goes on below
        }
      }
      TransactionManager fallback = interceptor.getTransactionManager();
      return fallback != null ? fallback
          : beans.getBeanProvider(TransactionManager.class).getIfUnique();
    } catch (BeansException e) {
      return null; // Spring's own lookup fails the same way, before any transaction begins
    }
  }

  private TransactionManager qualified(String qualifier) {
    return BeanFactoryAnnotationUtils.qualifiedBeanOfType(beans, TransactionManager.class,
        qualifier);
  }
}
