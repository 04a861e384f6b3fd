package io.toasty.spring;

import io.toasty.ModelIndex;
import java.beans.Introspector;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.util.ClassUtils;

/**
 * Registers a bean for every repository the annotation processor listed in
 * {@code META-INF/toasty/repositories} ({@code @Model(repository = true)}), named as the class
 * ({@code userRepository}) and made with the {@code Db} bean. A bean already registered under
 * that name is left alone. To add methods, extend the repository and declare the subclass as a
 * {@code @Primary} bean.
 */
final class RepositoryRegistrar implements BeanDefinitionRegistryPostProcessor {
  /** The resource the annotation processor writes. */
  static final String RESOURCE = "META-INF/toasty/repositories";

  private final ClassLoader loader;

  RepositoryRegistrar(ClassLoader loader) {
    this.loader = loader;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    for (String name : ModelIndex.names(loader, RESOURCE)) {
      String beanName = Introspector.decapitalize(ClassUtils.getShortName(name));
      if (!registry.containsBeanDefinition(beanName)) {
        registry.registerBeanDefinition(beanName, definition(name));
      }
    }
  }

  private RootBeanDefinition definition(String className) {
    RootBeanDefinition definition = new RootBeanDefinition();
    definition.setBeanClassName(className);
    definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
    return definition;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
    // nothing: the definitions are all this adds
  }
}
